package dev.ard.core.telemetry;

import java.util.Map;
import java.util.Set;

/**
 * What the store knows about test classes, for the must-run rules and the time estimates of a selection.
 * Keys are {@code module + '|' + className} (see {@link #key}).
 *
 * @param seen         classes that ran (any outcome but skipped by selection) in the builds looked at, any branch
 * @param lastFailures classes whose newest run on this branch had a FAILED or ERROR method → that outcome
 * @param meanDurationMs mean total duration of a class over the builds in which it ran
 */
public record TestHistory(Set<String> seen, Map<String, Outcome> lastFailures, Map<String, Long> meanDurationMs) {

    public static final TestHistory EMPTY = new TestHistory(Set.of(), Map.of(), Map.of());

    public TestHistory {
        seen = Set.copyOf(seen);
        lastFailures = Map.copyOf(lastFailures);
        meanDurationMs = Map.copyOf(meanDurationMs);
    }

    public static String key(String module, String className) {
        return module + "|" + className;
    }

    public boolean seen(String module, String className) {
        return seen.contains(key(module, className));
    }

    /** The failing outcome of the class's last run on this branch, or {@code null}. */
    public Outcome lastFailure(String module, String className) {
        return lastFailures.get(key(module, className));
    }

    /** Mean duration in ms, or {@code -1} when unknown. */
    public long meanDurationMs(String module, String className) {
        return meanDurationMs.getOrDefault(key(module, className), -1L);
    }

    public boolean isEmpty() {
        return seen.isEmpty();
    }
}
