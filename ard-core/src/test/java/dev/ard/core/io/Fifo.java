package dev.ard.core.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A named pipe for tests of inputs that must never be opened; the test is skipped where {@code mkfifo} is missing. */
public final class Fifo {

    private Fifo() {}

    /** Makes a FIFO at {@code path} with {@code mkfifo}, or skips the calling test when that is impossible here. */
    public static Path create(Path path) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo on this system");
            throw e;
        }
        assumeTrue(
                mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0 && Files.exists(path), "mkfifo failed");
        return path;
    }
}
