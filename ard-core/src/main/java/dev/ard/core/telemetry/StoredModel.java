package dev.ard.core.telemetry;

import java.time.Instant;

/**
 * A trained predictive-selection model as the store keeps it (table {@code model}). The store does not interpret
 * {@code bytes}, but it never fetches more than {@link #MAX_BYTES} of them (nor more than {@link #MAX_METRICS_CHARS}
 * of metrics): a larger row comes back {@linkplain #withheld() withheld}, its size known, its content not read, so
 * a shared store cannot exhaust a build's memory.
 *
 * @param version     increasing per training, assigned by the store
 * @param trainedAt   when it was trained
 * @param metrics     JSON: training size, held-out recall, threshold, …; empty when withheld
 * @param bytes       the model's trees; empty when withheld
 * @param storedBytes how many bytes the row holds (what {@code bytes} would be)
 */
public record StoredModel(int version, Instant trainedAt, String metrics, byte[] bytes, long storedBytes) {

    /** The largest model the store reads; ARD's models are a few ten kilobytes. */
    public static final int MAX_BYTES = 4 << 20;

    /** The longest metrics JSON the store reads. */
    public static final int MAX_METRICS_CHARS = 64 << 10;

    public StoredModel(int version, Instant trainedAt, String metrics, byte[] bytes) {
        this(version, trainedAt, metrics, bytes, bytes.length);
    }

    /** The row was over a limit: {@code bytes} and {@code metrics} were not fetched. */
    public boolean withheld() {
        return storedBytes != bytes.length;
    }

    @Override
    public String toString() {
        return "StoredModel[version=" + version + ", trainedAt=" + trainedAt + ", " + storedBytes + " bytes"
                + (withheld() ? ", withheld" : "") + "]";
    }
}
