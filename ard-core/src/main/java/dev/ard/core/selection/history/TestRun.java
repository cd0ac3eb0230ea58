package dev.ard.core.selection.history;

import dev.ard.core.telemetry.ImpactFact;

/**
 * What one test class did in one build of a {@link HistoryBuild}.
 *
 * @param className  fully qualified test class
 * @param failed     at least one of its methods failed or erred (its final outcome)
 * @param flaky      at least one method failed, then passed on a rerun (only the telemetry store knows this)
 * @param durationMs the class's total duration in milliseconds
 * @param impact     what the build's impact analysis said of the class (only the telemetry store knows it, for builds
 *                   that recorded it), or {@code null}
 */
public record TestRun(String className, boolean failed, boolean flaky, double durationMs, ImpactFact impact) {

    /** A run without an impact fact (imported history). */
    public TestRun(String className, boolean failed, boolean flaky, double durationMs) {
        this(className, failed, flaky, durationMs, null);
    }

    /** Folds two results of the same class (several executions or reports): failed if either failed. */
    public TestRun merge(TestRun other) {
        return new TestRun(
                className,
                failed || other.failed,
                flaky || other.flaky,
                durationMs + other.durationMs,
                impact != null ? impact : other.impact);
    }
}
