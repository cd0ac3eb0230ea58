package dev.ard.core.selection.features;

import java.util.Arrays;
import java.util.List;

/**
 * The features of one (build, candidate test class) pair, in model column order (docs/architecture.md §4). Values unknown for a
 * source are {@code -1} (no bytecode analysis: {@link #IN_SAFE_SET}, {@link #GRAPH_DISTANCE},
 * {@link #CHANGED_CLASSES_REACHING}), so one model shape serves the store and imported history.
 */
public enum Feature {
    /** 1 when the impact analysis reaches the class, 0 when it does not, -1 without analysis. */
    IN_SAFE_SET,
    /** Hops from the test to the nearest changed class, -1 when not reached or unknown. */
    GRAPH_DISTANCE,
    /** Changed classes in the test's dependency closure, -1 when unknown. */
    CHANGED_CLASSES_REACHING,
    /** 1 when the test's own source file is among the changed paths. */
    TEST_FILE_CHANGED,
    /** 1 when the class never ran before this build. */
    TEST_NEW,
    /** Best camel-case token overlap (0..1) between the test's simple name and a changed file's name. */
    NAME_AFFINITY,
    /** Best shared package depth between the test and a changed file, over the test's package depth (0..1). */
    PACKAGE_AFFINITY,
    /** Failed runs over all runs so far. */
    FAILURE_RATE,
    /** Failed runs over the last {@link FeatureState#RECENT} runs. */
    FAILURE_RATE_RECENT,
    /** Runs since the last failure, capped at {@link FeatureState#NEVER}; the cap when it never failed. */
    RUNS_SINCE_FAILURE,
    /** Flaky runs (marked flaky, or a failure followed by a pass) over all runs. */
    FLAKY_RATE,
    /** log1p of the mean duration in milliseconds. */
    MEAN_DURATION,
    /** Sum over changed files of how often the test failed in a build changing that file (Meta's PTS signal). */
    CO_FAILURE,
    /** Best per-file co-failure ratio: failures with that file changed, over builds that changed the file. */
    CO_FAILURE_RATIO,
    /** Number of changed files. */
    CHANGED_FILES,
    /** Number of changed Java sources outside test directories: a size proxy, line counts are not in every source. */
    CHANGED_MAIN_SOURCES,
    /** log1p of the runs so far. */
    RUNS;

    /** Column names, in order. */
    public static String[] names() {
        return Arrays.stream(values())
                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                .toArray(String[]::new);
    }

    public static final List<Feature> ALL = List.of(values());
}
