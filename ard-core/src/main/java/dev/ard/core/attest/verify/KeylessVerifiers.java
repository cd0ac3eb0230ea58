package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.VerificationException;

/**
 * Makes the verifiers that need sigstore-java: the certificate (keyless) verifier for an identity policy, and the key
 * verifier that also checks the transparency log. The plugin implements it on sigstore-java, kept out of core so the
 * core extension never loads sigstore-java's ~32 MB of jars.
 */
@FunctionalInterface
public interface KeylessVerifiers {
    /** The verifier, or a {@link VerificationException} when it cannot be set up (a missing or invalid trusted root, a bad regex). */
    BundleVerifier verifier(VerificationPolicy.Identity policy) throws VerificationException;

    /**
     * A key verifier that also checks the bundle's transparency-log entry against the policy's trusted root. Without
     * an implementation it refuses (fails closed) rather than skip the check the policy asks for.
     */
    default BundleVerifier withLogEntry(VerificationPolicy.Key policy) throws VerificationException {
        throw new VerificationException("checking a key bundle's transparency-log entry needs ard-maven-plugin");
    }
}
