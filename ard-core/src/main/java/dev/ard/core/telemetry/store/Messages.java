package dev.ard.core.telemetry.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Duration;

/** Turns driver and file-system errors into the one-line texts ARD prints. */
public final class Messages {
    private Messages() {}

    /**
     * One line, without the secret. Drivers do not put passwords into messages, but a message is
     * printed at every build, so it is scrubbed anyway.
     */
    public static String oneLine(String message, String secret) {
        String text = message == null
                ? "(no message)"
                : message.replaceAll("\\s+", " ").trim();
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "***");
        }
        return text;
    }

    /** The reason of a file error, e.g. {@code Read-only file system}, {@code permission denied}. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** {@code 250 ms}, {@code 10 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
