package dev.ard.core.attest.verify;

import java.util.Objects;

/**
 * One file that may not be deployed, and why.
 *
 * @param file   the file's name (as deployed, or the bundle's file name)
 * @param reason one line, e.g. {@code unsigned (no app-1.0.jar.sigstore.json attached; run ard:sign first)}
 */
public record FileProblem(String file, String reason) {
    public FileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
