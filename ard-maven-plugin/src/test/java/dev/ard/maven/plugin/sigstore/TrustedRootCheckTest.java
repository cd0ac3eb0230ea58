package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.attest.model.VerificationException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trusted root is an input like any other: bounded, a regular file, JSON, every log with a validity start. */
class TrustedRootCheckTest {
    @TempDir
    Path dir;

    @Test
    void aDeviceIsRefusedNotRead() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        assertThatThrownBy(() -> TrustedRootCheck.check(Path.of("/dev/zero")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("not a regular file");
    }

    @Test
    void anOversizedFileIsRefused() throws IOException {
        Path big = dir.resolve("trusted_root.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(TrustedRootCheck.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> TrustedRootCheck.check(big))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("more than the " + TrustedRootCheck.MAX_BYTES + " allowed");
    }

    @Test
    void notJsonIsRefused() throws IOException {
        Path root = Files.writeString(dir.resolve("trusted_root.json"), "{ not json", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrustedRootCheck.check(root))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is not readable JSON");
    }

    @Test
    void aLogWithoutValidityStartIsRefused() throws IOException {
        Path root = Files.writeString(
                dir.resolve("trusted_root.json"),
                "{\"tlogs\":[{\"baseUrl\":\"https://rekor.example\",\"publicKey\":{\"validFor\":{}}}]}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TrustedRootCheck.check(root))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("has no validFor.start");
    }
}
