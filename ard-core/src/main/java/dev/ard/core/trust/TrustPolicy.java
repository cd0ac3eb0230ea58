package dev.ard.core.trust;

import java.util.List;
import java.util.Optional;

/**
 * Who may sign what a build consumes. The first rule (in file order) whose patterns match an artifact applies to it; an
 * artifact no rule matches may be signed by anyone whose signature verifies and follows {@code missingDefault} when it
 * has no bundle.
 *
 * @param source the policy file's name for messages, or {@code (none)}
 * @param sha256 the policy file's SHA-256 (with every key it names), part of a cached verdict's key
 */
public record TrustPolicy(List<TrustRule> rules, MissingSignature missingDefault, String source, String sha256) {
    /** No policy file: every signature that verifies is accepted, a missing bundle warns. */
    public static final TrustPolicy NONE = new TrustPolicy(List.of(), MissingSignature.WARN, "(none)", "none");

    public TrustPolicy {
        rules = List.copyOf(rules);
    }

    public Optional<TrustRule> ruleFor(ArtifactCoordinates c) {
        return rules.stream().filter(r -> r.matches(c)).findFirst();
    }

    /** What a missing bundle means for this artifact. */
    public MissingSignature missing(ArtifactCoordinates c) {
        return ruleFor(c).flatMap(TrustRule::missing).orElse(missingDefault);
    }
}
