package dev.ard.maven.plugin.sigstore;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.trust.CertificateCheck;
import dev.ard.core.trust.CertificateSigner;
import dev.ard.core.trust.Signer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Certificate bundles of dependencies, verified with sigstore-java whoever signed them; the signer is then read from
 * the verified leaf certificate for the trust policy to judge. The trusted root is loaded on first use only (a build
 * whose verdicts are all cached never needs it): the pinned {@code trusted_root.json}, else the public-good root through
 * TUF; offline without a pinned root every certificate bundle fails with a message saying how to pin one. A root that
 * cannot be loaded is not retried for every bundle.
 */
public final class CertificateBundleCheck implements CertificateCheck {
    private final Optional<Path> pinned;
    private final boolean offline;
    private final String rootId;
    private KeylessBundleVerifier verifier;
    private VerificationException unavailable;

    /**
     * @param pinned  {@code -Dard.trustedRoot}
     * @param offline Maven runs offline ({@code -o}): TUF is not asked
     * @throws VerificationException the pinned root cannot be read
     */
    public CertificateBundleCheck(Optional<Path> pinned, boolean offline) throws VerificationException {
        this.pinned = pinned;
        this.offline = offline;
        this.rootId = pinned.isPresent() ? "pinned:" + sha256(pinned.get()) : "sigstore-public-good";
    }

    @Override
    public Signer verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
        verifier().verify(bundleJson, artifact);
        return CertificateSigner.of(BundleJson.read(bundleJson).certificates().get(0));
    }

    @Override
    public String rootId() {
        return rootId;
    }

    private synchronized KeylessBundleVerifier verifier() throws VerificationException {
        if (verifier != null) {
            return verifier;
        }
        if (unavailable != null) {
            throw unavailable;
        }
        if (pinned.isEmpty() && offline) {
            unavailable = new VerificationException("Maven is offline and no trusted root is pinned, so a certificate"
                    + " cannot be checked: give -Dard.trustedRoot=trusted_root.json to verify offline");
            throw unavailable;
        }
        try {
            verifier = KeylessBundleVerifier.anyIdentity(pinned);
            return verifier;
        } catch (VerificationException e) {
            unavailable = new VerificationException(e.getMessage()
                    + (pinned.isEmpty()
                            ? " (the public-good root comes from tuf-repo-cdn.sigstore.dev; without it give"
                                    + " -Dard.trustedRoot=trusted_root.json)"
                            : ""));
            throw unavailable;
        }
    }

    private static String sha256(Path file) throws VerificationException {
        try {
            return Digests.sha256(BoundedFiles.read(file, TrustedRootCheck.MAX_BYTES, "trusted root"));
        } catch (IOException e) {
            throw new VerificationException(BoundedFiles.reason(e));
        }
    }
}
