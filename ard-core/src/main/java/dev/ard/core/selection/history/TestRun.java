package dev.ard.core.selection.history;

/**
 * What one test class did in one build of a {@link HistoryBuild}.
 *
 * @param className  fully qualified test class
 * @param failed     at least one of its methods failed or erred (its final outcome)
 * @param flaky      at least one method failed, then passed on a rerun (only the telemetry store knows this)
 * @param durationMs the class's total duration in milliseconds
 */
public record TestRun(String className, boolean failed, boolean flaky, double durationMs) {

    /** Folds two results of the same class (several executions or reports): failed if either failed. */
    public TestRun merge(TestRun other) {
        return new TestRun(className, failed || other.failed, flaky || other.flaky, durationMs + other.durationMs);
    }
}
