package dev.ard.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an untrusted input file whole, bounded: it must be a regular file (symbolic links followed), checked before it
 * is opened so that a FIFO never blocks and a device such as {@code /dev/zero} is never read, and at most
 * {@code maxBytes} are read even if the file grows meanwhile. {@code Files.readAllBytes} does neither: it trusts the
 * size a special file reports (0 for {@code /dev/zero}) and reads on to an {@code OutOfMemoryError}.
 */
public final class BoundedFiles {
    private BoundedFiles() {}

    /**
     * The file's bytes.
     *
     * @param what the input's name for the message, e.g. "bundle"
     * @throws IOException with a one-line message naming the input, the file and the reason
     */
    public static byte[] read(Path file, long maxBytes, String what) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(what + " " + file + " not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    what + " " + file + " is not a regular file (a directory, device or pipe is not read)");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException(what + " " + file + " is " + size + " bytes, more than the " + maxBytes + " allowed");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException(what + " " + file + " has more than the " + maxBytes + " bytes allowed");
            }
            return bytes;
        }
    }

    /**
     * The reason to show for a failed read: this class's own one-line message, or just the exception's class for
     * anything else, whose message may quote file content or a full path the caller did not choose to show.
     */
    public static String reason(IOException e) {
        return e.getClass() == IOException.class ? e.getMessage() : e.getClass().getSimpleName();
    }
}
