package dev.ard.core.selection.features;

import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the past says about test classes and files, updated one build at a time in time order. Features for a build
 * are computed from the state <em>before</em> {@link #record} is called for it, so no feature sees the future.
 */
public final class FeatureState {

    /** The window of {@link Feature#FAILURE_RATE_RECENT}. */
    public static final int RECENT = 10;
    /** The cap of {@link Feature#RUNS_SINCE_FAILURE}. */
    public static final int NEVER = 1000;

    /** Per test class. */
    static final class TestStats {
        int runs;
        int failures;
        int flaky;
        double totalMs;
        long lastFailureRun = -1;
        boolean lastFailed;
        final Deque<Boolean> recent = new ArrayDeque<>();
    }

    private final Map<String, TestStats> tests = new HashMap<>();
    /** path → builds that changed it. */
    private final Map<String, Integer> fileChanges = new HashMap<>();
    /** path → test class → failures in builds changing the path. */
    private final Map<String, Map<String, Integer>> coFailures = new HashMap<>();

    /** Adds a build's outcome; call after its features were computed. */
    public void record(HistoryBuild build) {
        for (String path : build.changedPaths()) {
            fileChanges.merge(path, 1, Integer::sum);
        }
        for (TestRun run : build.tests().values()) {
            TestStats s = tests.computeIfAbsent(run.className(), k -> new TestStats());
            s.runs++;
            s.totalMs += run.durationMs();
            if (run.flaky() || (s.lastFailed && !run.failed())) {
                s.flaky++;
            }
            if (run.failed()) {
                s.failures++;
                s.lastFailureRun = s.runs;
                for (String path : build.changedPaths()) {
                    coFailures.computeIfAbsent(path, k -> new HashMap<>()).merge(run.className(), 1, Integer::sum);
                }
            }
            s.lastFailed = run.failed();
            s.recent.addLast(run.failed());
            if (s.recent.size() > RECENT) {
                s.recent.removeFirst();
            }
        }
    }

    TestStats stats(String className) {
        return tests.get(className);
    }

    int fileChanges(String path) {
        return fileChanges.getOrDefault(path, 0);
    }

    int coFailures(String path, String className) {
        Map<String, Integer> m = coFailures.get(path);
        return m == null ? 0 : m.getOrDefault(className, 0);
    }

    /** True when the class ran in an earlier build. */
    public boolean seen(String className) {
        return tests.containsKey(className);
    }

    /** Did the class's latest run fail? */
    public boolean lastFailed(String className) {
        TestStats s = tests.get(className);
        return s != null && s.lastFailed;
    }

    /** Failures over runs so far, 0 for an unseen class. */
    public double failureRate(String className) {
        TestStats s = tests.get(className);
        return s == null || s.runs == 0 ? 0 : (double) s.failures / s.runs;
    }

    /** Mean duration in ms of the class's runs, or {@code fallback} when unseen. */
    public double meanDurationMs(String className, double fallback) {
        TestStats s = tests.get(className);
        return s == null || s.runs == 0 ? fallback : s.totalMs / s.runs;
    }

    /** Runs since the class last failed, {@link #NEVER} if it never did. */
    public long runsSinceFailure(String className) {
        TestStats s = tests.get(className);
        return s == null || s.lastFailureRun < 0 ? NEVER : Math.min(NEVER, s.runs - s.lastFailureRun);
    }
}
