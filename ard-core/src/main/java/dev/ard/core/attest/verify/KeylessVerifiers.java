package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.VerificationException;

/**
 * Makes the certificate (keyless) verifier for an identity policy. The plugin implements it on sigstore-java,
 * kept out of core so the core extension never loads sigstore-java's ~32 MB of jars.
 */
@FunctionalInterface
public interface KeylessVerifiers {
    /** The verifier, or a {@link VerificationException} when it cannot be set up (a missing or invalid trusted root, a bad regex). */
    BundleVerifier verifier(VerificationPolicy.Identity policy) throws VerificationException;
}
