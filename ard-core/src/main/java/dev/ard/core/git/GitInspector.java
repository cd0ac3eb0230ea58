package dev.ard.core.git;

import java.nio.file.Path;

/** Reads {@link GitState} with JGit. Never throws: problems end up in {@link GitState#problem()}. */
public final class GitInspector {
    private GitInspector() {}

    /** Inspects the repository containing {@code dir} (searching upwards). */
    public static GitState inspect(Path dir) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
