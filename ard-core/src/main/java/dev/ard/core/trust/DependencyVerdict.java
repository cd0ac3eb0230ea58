package dev.ard.core.trust;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link DependencyCheck} decided for one artifact.
 *
 * @param sha256  the file's SHA-256 (hex), or empty when it could not be read
 * @param signer  who signed, when a signature verified
 * @param missing for an unsigned artifact, what the policy says a missing bundle means
 * @param reason  one line: why it failed, why it counts as unsigned, or how it verified
 * @param cached  the signature's verdict came from the cache
 */
public record DependencyVerdict(
        ArtifactCoordinates coordinates,
        String kind,
        Path file,
        String sha256,
        boolean bundlePresent,
        Optional<Signer> signer,
        Outcome outcome,
        MissingSignature missing,
        String reason,
        boolean cached) {

    public enum Outcome {
        VERIFIED,
        UNSIGNED,
        FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
