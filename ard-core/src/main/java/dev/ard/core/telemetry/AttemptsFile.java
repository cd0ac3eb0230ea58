package dev.ard.core.telemetry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the JSON-lines results file written by {@code ard-surefire-reporter}: one object per test
 * attempt, {@code {"v":1,"class":…,"method":…,"durationMs":…,"kind":"SUCCESS|FAILURE|ERROR|SKIPPED",
 * "failureType":…|null,"trace":…|null}}.
 */
public final class AttemptsFile {
    private AttemptsFile() {}

    /** Reads every attempt; a truncated last line (a crashed fork) is ignored, any other bad line fails. */
    public static List<TestAttempt> read(Path file) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
