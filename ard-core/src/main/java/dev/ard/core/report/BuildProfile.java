package dev.ard.core.report;

import dev.ard.core.telemetry.InsightFacts.MojoRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where builds spend their time, from the recorded mojo timings (docs/architecture.md §10): per build and module the
 * summed mojo time, the slowest plugin goals over the builds, and the critical path of one build.
 *
 * <p>The critical path is derived from timings alone (the store keeps no module graph): start at the module that
 * finished last, then repeatedly step to the module that finished latest before the current one started. In a
 * sequential build that is every module in order; in a {@code -T} build it is the chain of modules that waited for
 * each other, whose sum is the wall time more threads cannot remove.
 */
public final class BuildProfile {
    private BuildProfile() {}

    /** One module's mojo time in one build. */
    public record ModuleTime(String module, long durationMs) {}

    /** One plugin goal over the builds: total time, in how many builds it ran, and its slowest single execution. */
    public record GoalTime(String plugin, String goal, long totalMs, int builds, long maxMs) {}

    /** A module on the critical path: when it started and ended (epoch ms). */
    public record Step(String module, long startMs, long endMs) {
        public long durationMs() {
            return endMs - startMs;
        }
    }

    /** Per build id (in the rows' order), its modules' times, the largest first. */
    public static Map<String, List<ModuleTime>> moduleTimes(List<MojoRow> rows) {
        Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
        for (MojoRow row : rows) {
            sums.computeIfAbsent(row.buildId(), b -> new TreeMap<>())
                    .merge(name(row.module()), row.durationMs(), Long::sum);
        }
        Map<String, List<ModuleTime>> out = new LinkedHashMap<>();
        sums.forEach((build, modules) -> {
            List<ModuleTime> times = new ArrayList<>();
            modules.forEach((module, ms) -> times.add(new ModuleTime(module, ms)));
            times.sort(Comparator.comparingLong(ModuleTime::durationMs).reversed());
            out.put(build, times);
        });
        return out;
    }

    /** The plugin goals by total time over all rows, slowest first, at most {@code limit}. */
    public static List<GoalTime> slowestGoals(List<MojoRow> rows, int limit) {
        Map<String, long[]> totals = new TreeMap<>(); // total, max
        Map<String, java.util.Set<String>> builds = new TreeMap<>();
        for (MojoRow row : rows) {
            String key = name(row.plugin()) + '\0' + name(row.goal());
            long[] t = totals.computeIfAbsent(key, k -> new long[2]);
            t[0] += row.durationMs();
            t[1] = Math.max(t[1], row.durationMs());
            builds.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(row.buildId());
        }
        List<GoalTime> out = new ArrayList<>();
        totals.forEach((key, t) -> {
            int nul = key.indexOf('\0');
            out.add(new GoalTime(
                    key.substring(0, nul),
                    key.substring(nul + 1),
                    t[0],
                    builds.get(key).size(),
                    t[1]));
        });
        out.sort(Comparator.comparingLong(GoalTime::totalMs).reversed().thenComparing(GoalTime::plugin));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** The critical path of the build {@code buildId}, first module first; empty without start times. */
    public static List<Step> criticalPath(List<MojoRow> rows, String buildId) {
        Map<String, long[]> spans = new LinkedHashMap<>(); // module -> start, end
        for (MojoRow row : rows) {
            Instant started = row.startedAt();
            if (!row.buildId().equals(buildId) || started == null) {
                continue;
            }
            long start = started.toEpochMilli();
            long end = start + row.durationMs();
            spans.merge(name(row.module()), new long[] {start, end}, (a, b) ->
                    new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<Step> path = new ArrayList<>();
        Step current = latest(spans, Long.MAX_VALUE);
        while (current != null) {
            path.add(0, current);
            spans.remove(current.module());
            current = latest(spans, current.startMs());
        }
        return path;
    }

    /** The module that ended last at or before {@code notAfter}. */
    private static Step latest(Map<String, long[]> spans, long notAfter) {
        Step best = null;
        for (Map.Entry<String, long[]> e : spans.entrySet()) {
            long[] span = e.getValue();
            if (span[1] <= notAfter && (best == null || span[1] > best.endMs())) {
                best = new Step(e.getKey(), span[0], span[1]);
            }
        }
        return best;
    }

    private static String name(String value) {
        return value == null ? "(none)" : value;
    }
}
