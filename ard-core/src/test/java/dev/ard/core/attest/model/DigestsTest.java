package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
    @TempDir
    Path dir;

    @Test
    void knownVectorsOfAbc() throws IOException {
        Path file = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertThat(Digests.sha256And512(file))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry(
                                "sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                        org.assertj.core.api.Assertions.entry(
                                "sha512",
                                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty"));
        assertThat(Digests.sha256(file)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void filesLargerThanTheBufferHashLikeOneArray() throws Exception {
        byte[] bytes = new byte[Digests.BUFFER * 3 + 12345];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.bin"), bytes);
        HexFormat hex = HexFormat.of();
        assertThat(Digests.sha256And512(file))
                .containsEntry(
                        "sha256",
                        hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .containsEntry(
                        "sha512",
                        hex.formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)));
        assertThat(Digests.sha256(new ByteArrayInputStream(bytes))).isEqualTo(Digests.sha256(bytes));
    }

    @Test
    void directoryAndMissingFileAreIoExceptionsNamingThePath() {
        assertThatThrownBy(() -> Digests.sha256(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> Digests.sha256(dir.resolve("missing.jar")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.jar");
    }

    @Test
    void unknownAlgorithmIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "x");
        assertThatThrownBy(() -> Digests.of(file, "md4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("md4");
    }
}
