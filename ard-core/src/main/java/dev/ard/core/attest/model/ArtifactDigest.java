package dev.ard.core.attest.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 of the artifact a bundle is checked against: computed from a file or given as
 * {@code sha256:<hex>} (the conformance suite and downloaded-digest checks give only the digest).
 *
 * @param sha256 64 lowercase hex characters
 */
public record ArtifactDigest(String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ArtifactDigest {
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a sha256 digest is 64 hex characters");
        }
    }

    /** The digest of the file's bytes. */
    public static ArtifactDigest of(Path file) throws IOException {
        return new ArtifactDigest(Digests.sha256(file));
    }

    /** The digest of {@code bytes}. */
    public static ArtifactDigest of(byte[] bytes) {
        return new ArtifactDigest(Digests.sha256(bytes));
    }

    /** Parses {@code sha256:<hex>}; anything else is an {@link IllegalArgumentException} saying what is expected. */
    public static ArtifactDigest parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.regionMatches(true, 0, "sha256:", 0, 7)
                || !HEX64.matcher(t.substring(7).toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("expected sha256:<64 hex characters>");
        }
        return new ArtifactDigest(t.substring(7));
    }

    /** The digest as raw bytes (32). */
    public byte[] bytes() {
        return HexFormat.of().parseHex(sha256);
    }

    @Override
    public String toString() {
        return "sha256:" + sha256;
    }
}
