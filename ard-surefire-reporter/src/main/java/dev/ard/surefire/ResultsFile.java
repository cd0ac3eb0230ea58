package dev.ard.surefire;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON-lines file a reporter appends to, and its failure marker.
 *
 * <p>Surefire creates one listener per fork and calls them from several threads at once, all writing
 * the same file, so every append holds one lock and writes a whole test set in a single write. The
 * file is opened and closed per test set: nothing stays buffered, so a build killed later keeps every
 * test set that completed (a half-written last line is possible only if the JVM dies inside a write;
 * the reader ignores it).
 *
 * <p>When an append fails the file is incomplete. The reporter cannot log (Surefire hands a stateless
 * reporter no logger), and stderr would be noise in the user's build; instead it leaves a marker file
 * next to the results, {@code <resultsFile>.failed}, whose one line is the cause. ARD's extension sees
 * the marker (or a missing file), says so in its one warning, and reads {@code TEST-*.xml} instead.
 */
final class ResultsFile {
    /** Suffix of the marker file written when appending failed. */
    static final String FAILED_MARKER_SUFFIX = ".failed";

    /** One lock for every results file in this class loader: appends are small and rare. */
    private static final Object APPEND_LOCK = new Object();

    private final Path file;

    ResultsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The marker path for {@code resultsFile}. */
    static Path failedMarker(Path resultsFile) {
        return resultsFile.resolveSibling(resultsFile.getFileName() + FAILED_MARKER_SUFFIX);
    }

    /** Appends {@code lines} (complete lines, each ending in a line break) as UTF-8 in one write. */
    void append(String lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        byte[] bytes = lines.getBytes(UTF_8);
        synchronized (APPEND_LOCK) {
            createParentDirectories(file);
            try (OutputStream out = Files.newOutputStream(
                    file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
        }
    }

    /**
     * Best effort: leaves the marker saying why the results are incomplete. The empty file is created
     * first because on a full disk creating a file may still work where writing its content does not.
     */
    void markFailed(Throwable cause) {
        Path marker = failedMarker(file);
        synchronized (APPEND_LOCK) {
            try {
                createParentDirectories(marker);
                try {
                    Files.createFile(marker);
                } catch (FileAlreadyExistsException alreadyMarked) {
                    return;
                }
                Files.write(marker, (describe(cause) + "\n").getBytes(UTF_8), StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                // Nothing left to try: the extension still notices a missing or short results file.
            }
        }
    }

    /** One line: the exception class and message, line breaks flattened. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        String line = cause.getClass().getName() + (message == null ? "" : ": " + message);
        return line.replace('\r', ' ').replace('\n', ' ');
    }

    private static void createParentDirectories(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
