/**
 * Attestations, verification: the {@link dev.ard.core.attest.verify.BundleVerifier} contract, ARD's key
 * verifier, the provenance policy, and the deploy gate that checks a module's files against their bundles
 * and returns a report. The keyless (certificate) verifier is the plugin's sigstore-java adapter, passed in
 * through {@code BundleVerifier} so core loads no sigstore-java and no Maven API.
 */
package dev.ard.core.attest.verify;
