/**
 * Verifying what a build consumes: every dependency, plugin and extension against the Sigstore bundle published next
 * to it, under a {@link dev.ard.core.trust.TrustPolicy} (who may sign what, what a missing bundle means) and a
 * {@link dev.ard.core.trust.TrustLock} (trust on first use: the sha256 and signer seen, reviewed in pull requests).
 * {@link dev.ard.core.trust.DependencyCheck} decides; the plugin resolves the files and bundles and checks certificate
 * chains with sigstore-java.
 */
package dev.ard.core.trust;
