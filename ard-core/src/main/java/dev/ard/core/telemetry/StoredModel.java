package dev.ard.core.telemetry;

import java.time.Instant;

/**
 * A trained predictive-selection model as the store keeps it (table {@code model}). The store does not interpret
 * {@code bytes}: whoever reads them must use an {@code ObjectInputFilter} allow-list (a shared store must never
 * become a deserialization gadget for every build).
 *
 * @param version   increasing per training, assigned by the store
 * @param trainedAt when it was trained
 * @param metrics   JSON: training size, held-out recall, threshold, …
 * @param bytes     the serialized model
 */
public record StoredModel(int version, Instant trainedAt, String metrics, byte[] bytes) {

    @Override
    public String toString() {
        return "StoredModel[version=" + version + ", trainedAt=" + trainedAt + ", " + bytes.length + " bytes]";
    }
}
