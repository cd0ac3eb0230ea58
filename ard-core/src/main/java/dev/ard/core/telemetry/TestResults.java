package dev.ard.core.telemetry;

import java.util.List;

/** Folds test attempts (several per method with reruns) into one {@link TestResult} per method. */
public final class TestResults {
    private TestResults() {}

    /**
     * Groups attempts by class and method, in first-seen order, and decides each method's outcome:
     * passed on the last attempt after earlier failures → PASSED and flaky; every attempt failed →
     * FAILED/ERROR with {@code reruns = attempts - 1}; skipped → SKIPPED.
     */
    public static List<TestResult> aggregate(String module, String plugin, String executionId, List<TestAttempt> attempts) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
