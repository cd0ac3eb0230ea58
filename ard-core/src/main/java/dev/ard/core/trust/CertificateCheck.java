package dev.ard.core.trust;

import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;

/**
 * Verifies a certificate (keyless) bundle for an artifact under a trusted root, whoever signed it, and says who did;
 * the policy then decides whether that signer is accepted. The plugin implements it on sigstore-java (certificate
 * chain at signing time, SCT, transparency-log entry, signature); core does not load sigstore-java.
 */
public interface CertificateCheck {
    /** Who signed: the certificate's OIDC issuer and identity, after everything verified. */
    Signer verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException;

    /** The trusted root's identity for cached verdicts: a pinned file's sha256, or the public-good instance's name. */
    String rootId();

    /** No trusted root available: every certificate bundle fails with this reason (never a silent pass). */
    static CertificateCheck unavailable(String reason) {
        return new CertificateCheck() {
            @Override
            public Signer verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
                throw new VerificationException(reason);
            }

            @Override
            public String rootId() {
                return "unavailable";
            }
        };
    }
}
