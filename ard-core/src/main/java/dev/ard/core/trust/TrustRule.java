package dev.ard.core.trust;

import java.util.List;
import java.util.Optional;

/**
 * Artifacts matching one of {@code artifacts} must be signed by one of {@code signers} (none listed: any signer whose
 * signature verifies, pinned by the lock file); {@code missing} says what a missing bundle means for them (empty: the
 * policy's default).
 *
 * @param line the rule's line in the policy file, for messages
 */
public record TrustRule(
        List<CoordinatePattern> artifacts, List<SignerRule> signers, Optional<MissingSignature> missing, int line) {
    public TrustRule {
        artifacts = List.copyOf(artifacts);
        signers = List.copyOf(signers);
    }

    public boolean matches(ArtifactCoordinates c) {
        return artifacts.stream().anyMatch(p -> p.matches(c));
    }

    /** The keys among the accepted signers. */
    public List<SignerRule.Key> keys() {
        return signers.stream()
                .filter(SignerRule.Key.class::isInstance)
                .map(SignerRule.Key.class::cast)
                .toList();
    }

    /** True when no signer is listed or one of them accepts {@code signer}. */
    public boolean accepts(Signer signer) {
        return signers.isEmpty() || signers.stream().anyMatch(r -> r.accepts(signer));
    }
}
