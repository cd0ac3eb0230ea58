package dev.ard.core.selection.features;

/**
 * The must-run rules that history alone decides (docs/architecture.md §4), read from a feature vector so that training,
 * calibration, replay and the live policy apply the same ones: a test never run before, a test whose source changed,
 * a test that failed in its last run. ({@code ard.mustRun} globs are the caller's.)
 */
public final class HistoryMustRun {

    private HistoryMustRun() {}

    /** Why the row must run, or {@code null}. */
    public static String reason(double[] x) {
        if (x[Feature.TEST_NEW.ordinal()] > 0) {
            return "never run before";
        }
        if (x[Feature.TEST_FILE_CHANGED.ordinal()] > 0) {
            return "test source changed";
        }
        if (x[Feature.RUNS_SINCE_FAILURE.ordinal()] == 0) {
            return "failed in its last run";
        }
        return null;
    }
}
