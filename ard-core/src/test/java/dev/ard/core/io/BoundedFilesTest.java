package dev.ard.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.attest.json.BundleFormatException;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ProvenanceFormatException;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.sign.PublicKeys;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Special and oversized files are refused with one line, before they are read (no hang, no OutOfMemoryError). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoundedFilesTest {
    private static final Path DEV_ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    @Test
    void aRegularFileUpToTheCapIsRead() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[100]);
        assertThat(BoundedFiles.read(file, 100, "bundle")).hasSize(100);
    }

    @Test
    void oneByteOverTheCapIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[101]);
        assertThatThrownBy(() -> BoundedFiles.read(file, 100, "bundle"))
                .hasMessage("bundle " + file + " is 101 bytes, more than the 100 allowed");
    }

    @Test
    void aSparseTenGibFileIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(10L * 1024 * 1024 * 1024);
        }
        assertThatThrownBy(() -> BoundedFiles.read(file, BundleJson.MAX_BYTES, "bundle"))
                .hasMessageContaining("is 10737418240 bytes, more than the " + BundleJson.MAX_BYTES + " allowed");
        assertThatThrownBy(() -> BundleJson.read(file))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void devZeroIsRefusedNotReadForever() {
        assumeTrue(Files.exists(DEV_ZERO), "no /dev/zero on this system");
        assertThatThrownBy(() -> BoundedFiles.read(DEV_ZERO, 1024, "bundle"))
                .hasMessage("bundle /dev/zero is not a regular file (a directory, device or pipe is not read)");
        assertThatThrownBy(() -> BundleJson.read(DEV_ZERO))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> ProvenanceParser.parse(DEV_ZERO))
                .isInstanceOf(ProvenanceFormatException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> PublicKeys.read(DEV_ZERO)).hasMessageContaining("not a regular file");
    }

    @Test
    void aSymlinkToDevZeroIsRefused() throws IOException {
        assumeTrue(Files.exists(DEV_ZERO), "no /dev/zero on this system");
        Path link = Files.createSymbolicLink(dir.resolve("bundle.sigstore.json"), DEV_ZERO);
        assertThatThrownBy(() -> BoundedFiles.read(link, 1024, "bundle")).hasMessageContaining("not a regular file");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = Fifo.create(dir.resolve("fifo"));
        // Opening a FIFO with no writer blocks forever; the check before opening is what keeps this test finite.
        assertThatThrownBy(() -> BoundedFiles.read(fifo, 1024, "statement")).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> BundleJson.read(fifo)).hasMessageContaining("not a regular file");
    }

    @Test
    void aDirectoryAndAMissingFileAreNamed() {
        assertThatThrownBy(() -> BoundedFiles.read(dir, 1024, "public key")).hasMessageContaining("not a regular file");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> BoundedFiles.read(missing, 1024, "public key"))
                .hasMessage("public key " + missing + " not found");
    }
}
