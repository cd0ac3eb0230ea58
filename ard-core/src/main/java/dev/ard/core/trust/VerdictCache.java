package dev.ard.core.trust;

import dev.ard.core.attest.model.Digests;
import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Verified signatures already checked: the key is the SHA-256 of (artifact sha256, bundle sha256, policy sha256,
 * trusted root id), the value the signer. Only successes are kept, so a failure is checked again every time; any entry
 * that cannot be read is a miss. The cache lives in the local repository and is exactly as trusted as the jars there.
 */
public final class VerdictCache {
    private static final String VERSION = "ard-trust-verdict-1";
    private final Path dir;

    /** @param dir the cache directory, or {@code null} for no cache */
    public VerdictCache(Path dir) {
        this.dir = dir;
    }

    public static String key(String artifactSha256, String bundleSha256, String policySha256, String rootId) {
        return Digests.sha256(String.join("\n", VERSION, artifactSha256, bundleSha256, policySha256, rootId)
                .getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Signer> get(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            String text = new String(BoundedFiles.read(file(key), 4096, "verdict"), StandardCharsets.UTF_8);
            return Optional.ofNullable(Signer.parse(text.strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Remembers a verified signer; a cache that cannot be written only costs the next build time. */
    public void put(String key, Signer signer) {
        if (dir == null) {
            return;
        }
        try {
            Path file = file(key);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
            Files.writeString(tmp, signer.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // not cached
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }
}
