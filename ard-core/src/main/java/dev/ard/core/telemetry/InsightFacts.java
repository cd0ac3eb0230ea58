package dev.ard.core.telemetry;

import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the store gives {@code ard:report} and {@code ard:stats} to look into (docs/architecture.md §10): the builds of a
 * window and, for the few test classes that ever failed or were flaky in it, every result, so that misses, caught
 * failures and flakiness are decided in Java by one rule for both store kinds. Everything else arrives aggregated by
 * the database (a store may hold millions of result rows).
 *
 * @param builds          the window's builds, newest first
 * @param savedMs         per build id: the estimated test time selection saved (mean duration of each skipped class
 *                        over its runs in the newest 200 builds; a class not seen running there counts 0)
 * @param watched         every result of each class that failed or was flaky at least once in the window
 * @param skipReasons     the reason selection gave for each skip of a watched class in a sharded build, by {@link #key}
 *                        (it tells a class that ran in another shard from one selection skipped)
 * @param fullBranchRuns  per test class, its duration in each of the last green builds of a full branch, oldest first
 * @param mojos           the mojo timings of the window's newest builds
 * @param decisions       the selection decisions of the newest selective builds, by build id
 * @param model           the newest stored model's version, training time and metrics JSON, if any
 */
public record InsightFacts(
        List<BuildSummary> builds,
        Map<String, Long> savedMs,
        List<ClassHistory> watched,
        Map<String, String> skipReasons,
        List<DurationSeries> fullBranchRuns,
        List<MojoRow> mojos,
        Map<String, List<Decision>> decisions,
        Optional<ModelInfo> model) {

    /** No builds: what an empty or absent store gives. */
    public static final InsightFacts EMPTY = new InsightFacts(
            List.of(), Map.of(), List.of(), Map.of(), List.of(), List.of(), Map.of(), Optional.empty());

    public InsightFacts {
        builds = List.copyOf(builds);
        savedMs = Map.copyOf(savedMs);
        watched = List.copyOf(watched);
        skipReasons = Map.copyOf(skipReasons);
        fullBranchRuns = List.copyOf(fullBranchRuns);
        mojos = List.copyOf(mojos);
        decisions = Map.copyOf(decisions);
    }

    /** The key of one class in one build: build id, module and class, separated by NUL (a character no name has). */
    public static String key(String buildId, String module, String className) {
        return buildId + '\0' + module + '\0' + className;
    }

    /** Every result of one test class in the window. */
    public record ClassHistory(String module, String className, List<MethodResult> results) {
        public ClassHistory {
            results = List.copyOf(results);
        }
    }

    /** One method's result in one build. */
    public record MethodResult(String buildId, String method, Outcome outcome, boolean flaky, long durationMs) {}

    /** One test class's durations (sum over its methods) in consecutive green full-branch builds, oldest first. */
    public record DurationSeries(String module, String className, List<Point> points) {
        public DurationSeries {
            points = List.copyOf(points);
        }
    }

    /** One build's value for a series. */
    public record Point(String buildId, long durationMs) {}

    /** One mojo execution of a build. */
    public record MojoRow(
            String buildId, String module, String plugin, String goal, Instant startedAt, long durationMs) {}

    /** One test class a build's selection considered. */
    public record Decision(String module, String className, boolean selected, String reason) {}

    /** The newest model: version, when it was trained, and its metrics JSON as stored. */
    public record ModelInfo(int version, Instant trainedAt, String metrics) {}
}
