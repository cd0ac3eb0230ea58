package dev.ard.maven.plugin.sigstore;

import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.KeylessVerifiers;
import dev.ard.core.attest.verify.VerificationPolicy;

/** The verifiers core's policies ask the plugin for: certificate bundles, and key bundles with their log entry. */
public final class SigstoreVerifiers implements KeylessVerifiers {
    @Override
    public BundleVerifier verifier(VerificationPolicy.Identity policy) throws VerificationException {
        return KeylessBundleVerifier.of(policy);
    }

    @Override
    public BundleVerifier withLogEntry(VerificationPolicy.Key policy) throws VerificationException {
        return new KeyBundleLogVerifier(policy.key(), policy.trustedRoot().orElseThrow());
    }
}
