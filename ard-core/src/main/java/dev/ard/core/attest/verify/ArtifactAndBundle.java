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
}
