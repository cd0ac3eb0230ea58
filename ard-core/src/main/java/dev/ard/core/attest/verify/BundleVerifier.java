package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;

/**
 * Verifies a Sigstore bundle against an artifact under one policy: {@link KeyVerifier} for a public key,
 * the plugin's sigstore-java adapter for a certificate identity under a trusted root (kept out of core so
 * the core extension never loads sigstore-java's ~32 MB of jars).
 */
public interface BundleVerifier {
    /** The bundle verifies for this artifact, or a {@link VerificationException} names the one reason it does not. */
    VerifiedBundle verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException;
}
