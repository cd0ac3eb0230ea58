package dev.ard.core.selection.history;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build of a neutral history, whatever it was imported from (the telemetry store, a CSV dataset, JUnit XML
 * report folders): the unit the model learns from and the replay evaluation steps through.
 *
 * @param id           the build's id in its source
 * @param order        position in time order (1-based, strictly increasing)
 * @param time         when it was built, or {@code null} when unknown
 * @param changedPaths repository-relative paths changed since the previous build
 * @param tests        the test classes that ran in it (its suite), by class name
 */
public record HistoryBuild(String id, long order, Instant time, List<String> changedPaths, Map<String, TestRun> tests) {

    public HistoryBuild {
        changedPaths = List.copyOf(changedPaths);
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    /** True when at least one test class failed. */
    public boolean failed() {
        return tests.values().stream().anyMatch(TestRun::failed);
    }

    /** The failing test classes. */
    public List<String> failingClasses() {
        return tests.values().stream()
                .filter(TestRun::failed)
                .map(TestRun::className)
                .toList();
    }

    /** Sum of the test classes' durations in milliseconds. */
    public double totalDurationMs() {
        return tests.values().stream().mapToDouble(TestRun::durationMs).sum();
    }
}
