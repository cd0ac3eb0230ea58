package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Standalone verification (no project): one artifact, given as a file or as its digest, and its bundle.
 *
 * @param artifact the artifact as given (a path, or {@code sha256:<hex>}), for messages
 * @param digest   the artifact's SHA-256
 * @param bundle   the bundle file
 */
public record ArtifactAndBundle(String artifact, ArtifactDigest digest, Path bundle) {
    public ArtifactAndBundle {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** True when {@code artifact} is a digest ({@code sha256:…}) rather than a file: then the bundle must be named. */
    public static boolean isDigest(String artifact) {
        return artifact.strip().regionMatches(true, 0, "sha256:", 0, 7);
    }

    /**
     * A file's digest and, unless {@code bundle} is given, its bundle next to it (<code>&lt;file&gt;.sigstore.json</code>);
     * or a digest and the given bundle.
     *
     * @throws IllegalArgumentException a malformed digest, or a digest without a bundle
     * @throws IOException              the file cannot be read
     */
    public static ArtifactAndBundle of(String artifact, Path bundle) throws IOException {
        if (isDigest(artifact)) {
            ArtifactDigest digest = ArtifactDigest.parse(artifact);
            if (bundle == null) {
                throw new IllegalArgumentException("a bundle is required when the artifact is given as a digest");
            }
            return new ArtifactAndBundle(artifact, digest, bundle);
        }
        ArtifactDigest digest = ArtifactDigest.of(Path.of(artifact));
        return new ArtifactAndBundle(
                artifact, digest, bundle != null ? bundle : Path.of(artifact + SigstoreBundle.FILE_SUFFIX));
    }

    /**
     * Verifies the bundle for the artifact.
     *
     * @throws IOException           the bundle cannot be read or is too large (the message names it)
     * @throws VerificationException the bundle does not verify (the message names the one reason)
     */
    public VerifiedBundle verify(BundleVerifier verifier) throws IOException, VerificationException {
        return verifier.verify(BundleFiles.read(bundle), digest);
    }

    /**
     * Verifies the bundle for the artifact and, when a provenance is required or the policy expects a builder id
     * or a source, that the bundle is a DSSE provenance bundle whose statement (the one the signature covers and
     * the artifact is a subject of) is valid SLSA provenance v1 and meets the policy. A policy the bundle cannot
     * answer — a blob signature, say — fails; it is never skipped.
     *
     * @throws IOException           the bundle cannot be read or is too large (the message names it)
     * @throws VerificationException the bundle does not verify or the policy is not met (the message names why)
     */
    public VerifiedBundle verify(BundleVerifier verifier, ProvenancePolicy policy, boolean provenanceRequired)
            throws IOException, VerificationException {
        VerifiedBundle verified = verify(verifier);
        if (!provenanceRequired && !policy.checksOrigin()) {
            return verified;
        }
        if (verified.statement() == null) {
            throw new VerificationException(bundle.getFileName() + " is a signature of the file itself, not a signed"
                    + " provenance statement, so " + asked(policy, provenanceRequired) + " cannot be checked:"
                    + " verify the provenance bundle (a DSSE bundle naming the artifact as a subject) instead");
        }
        policy.checkOrigin(ProvenancePolicy.provenance(verified.statement()));
        return verified;
    }

    /** What was asked for, in the order the parameters are documented. */
    private static String asked(ProvenancePolicy policy, boolean provenanceRequired) {
        StringBuilder what = new StringBuilder();
        if (policy.builderId() != null && !policy.builderId().isBlank()) {
            what.append("the builder id");
        }
        if (policy.sourceRepo() != null && !policy.sourceRepo().isBlank()) {
            what.append(what.length() == 0 ? "" : " and ").append("the source repository");
        }
        return what.length() == 0 && provenanceRequired ? "the required provenance" : what.toString();
    }
}
