package dev.ard.maven.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import dev.ard.core.telemetry.TelemetryStore.MethodStats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code ard:stats} shows, and how: a plain-text report that fits a 100-column terminal after
 * Maven's {@code [INFO] } prefix, or one JSON document. Pure formatting, so it is tested without Maven.
 *
 * @param store   where the rows came from (a redacted JDBC URL), shown in the header
 * @param window  how many recent builds the class and method statistics cover
 * @param builds  the most recent builds, newest first
 * @param slowest test classes, slowest first
 * @param failing test methods that failed most often
 * @param flaky   test methods that were flaky most often
 * @param insight selection's recall and misses, flaky tests and duration regressions over the window, or {@code null}
 */
public record StatsReport(
        String store,
        int window,
        List<BuildSummary> builds,
        List<ClassStats> slowest,
        List<MethodStats> failing,
        List<MethodStats> flaky,
        dev.ard.core.report.ReportData.Analyses insight) {

    /** Text columns available per line: 100 minus Maven's 7-character {@code [INFO] } prefix. */
    public static final int WIDTH = 93;

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String BUILD_ROW = "  %-16s  %-8s  %-12s  %-7s  %-5s  %5s  %6s  %7s  %9s";
    private static final String CLASS_ROW = "  %9s  %6s  %5s  %-18s  %s";
    private static final String FAILING_ROW = "  %-11s  %-12s  %-18s  %s";
    private static final String FLAKY_ROW = "  %-11s  %-18s  %s";

    public StatsReport {
        builds = List.copyOf(builds);
        slowest = List.copyOf(slowest);
        failing = List.copyOf(failing);
        flaky = List.copyOf(flaky);
    }

    /** The text report, one element per line, none longer than {@link #WIDTH}. */
    public List<String> renderText(ZoneId zone) {
        List<String> out = new ArrayList<>();
        out.add("ARD stats for " + cutLeft(store, WIDTH - "ARD stats for ".length()));
        out.add("");
        out.add("Last " + builds.size() + (builds.size() == 1 ? " build" : " builds"));
        out.add(String.format(
                Locale.ROOT,
                BUILD_ROW,
                "Started",
                "Commit",
                "Branch",
                "Result",
                "Mode",
                "Tests",
                "Failed",
                "Skipped",
                "Test time"));
        for (BuildSummary row : builds) {
            BuildRecord b = row.build();
            out.add(String.format(
                    Locale.ROOT,
                    BUILD_ROW,
                    b.startedAt() == null ? "-" : STARTED.format(b.startedAt().atZone(zone)),
                    commit(b),
                    cut(branch(b), 12),
                    cut(b.result() == null ? "-" : b.result().stored(), 7),
                    cut(b.mode() == null ? "-" : b.mode().stored(), 5),
                    row.tests(),
                    row.failed(),
                    row.skipped(),
                    duration(row.testTimeMs())));
        }

        renderRuns(out);

        out.add("");
        out.add("Slowest test classes (mean over the last " + window + " builds)");
        if (slowest.isEmpty()) {
            out.add("  (none)");
        } else {
            out.add(String.format(Locale.ROOT, CLASS_ROW, "Mean", "Builds", "Fails", "Module", "Class"));
            for (ClassStats c : slowest) {
                String head = String.format(
                        Locale.ROOT,
                        CLASS_ROW,
                        duration(c.meanDurationMs()),
                        c.builds(),
                        c.failures(),
                        cut(module(c.module()), 18),
                        "");
                out.add(head + cutLeft(c.className(), WIDTH - head.length()));
            }
        }

        out.add("");
        out.add("Most failing tests (last " + window + " builds)");
        if (failing.isEmpty()) {
            out.add("  (none)");
        } else {
            out.add(String.format(Locale.ROOT, FAILING_ROW, "Failed/runs", "Fingerprint", "Module", "Test"));
            for (MethodStats m : failing) {
                String head = String.format(
                        Locale.ROOT,
                        FAILING_ROW,
                        m.failures() + "/" + m.runs(),
                        shortFingerprint(m.lastFingerprint()),
                        cut(module(m.module()), 18),
                        "");
                out.add(head + cut(test(m), WIDTH - head.length()));
            }
        }

        out.add("");
        out.add("Flaky tests: failed, then passed on a rerun (last " + window + " builds)");
        if (flaky.isEmpty()) {
            out.add("  (none)");
        } else {
            out.add(String.format(Locale.ROOT, FLAKY_ROW, "Flaky/runs", "Module", "Test"));
            for (MethodStats m : flaky) {
                String head = String.format(
                        Locale.ROOT, FLAKY_ROW, m.flaky() + "/" + m.runs(), cut(module(m.module()), 18), "");
                out.add(head + cut(test(m), WIDTH - head.length()));
            }
        }
        if (insight != null) {
            InsightText.appendText(out, insight, window, zone);
        }
        return out;
    }

    /** One JSON document with every row in full (nothing truncated), for scripts. */
    public String renderJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("store", store);
        root.put("window", window);
        ArrayNode list = root.putArray("builds");
        for (BuildSummary row : builds) {
            BuildRecord b = row.build();
            ObjectNode n = list.addObject();
            n.put("id", b.id());
            n.put("startedAt", b.startedAt() == null ? null : b.startedAt().toString());
            n.put("finishedAt", b.finishedAt() == null ? null : b.finishedAt().toString());
            n.put("commit", b.checkout().commit());
            n.put("branch", b.checkout().branch());
            n.put("dirty", b.checkout().dirty());
            n.put("result", b.result() == null ? null : b.result().stored());
            b.goals().forEach(n.putArray("goals")::add);
            n.put("mode", b.mode() == null ? null : b.mode().stored());
            n.put("ciProvider", b.ci().provider());
            n.put("runId", b.ci().runId());
            n.put("shard", b.ci().shard());
            n.put("mavenVersion", b.tools().maven());
            n.put("javaVersion", b.tools().java());
            n.put("tests", row.tests());
            n.put("failed", row.failed());
            n.put("skipped", row.skipped());
            n.put("skippedBySelection", row.skippedBySelection());
            n.put("testTimeMs", row.testTimeMs());
        }
        root.set("slowestClasses", mapper.valueToTree(slowest));
        root.set("mostFailing", mapper.valueToTree(failing));
        root.set("flaky", mapper.valueToTree(flaky));
        if (insight != null) {
            InsightText.appendJson(root, insight);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // Only plain strings and numbers are in the tree: this cannot happen.
            throw new IllegalStateException(e);
        }
    }

    static String duration(long ms) {
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = ms / 1000;
        return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }

    private static final String RUN_ROW = "  %-24s  %-9s  %-7s  %6s  %6s  %9s  %9s";

    /**
     * The builds that ran as shards, one line per CI run ({@code ard.run}, else the CI's run id): the shards seen of
     * how many, the run's result (failed when a shard failed), tests, and the summed and the slowest shard's test time.
     */
    private void renderRuns(List<String> out) {
        Map<String, List<BuildSummary>> runs = new LinkedHashMap<>();
        for (BuildSummary row : builds) {
            if (row.build().ci().shard() != null) {
                String run = row.build().ci().runId();
                runs.computeIfAbsent(run == null ? "(no run id)" : run, r -> new ArrayList<>())
                        .add(row);
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        out.add("");
        out.add("Sharded runs (among the last " + builds.size() + " builds)");
        out.add(String.format(
                Locale.ROOT, RUN_ROW, "Run", "Shards", "Result", "Tests", "Failed", "Test time", "Slowest"));
        runs.forEach((run, shards) -> {
            Set<String> seen = new TreeSet<>();
            String of = "?";
            boolean failed = false;
            int tests = 0;
            int failures = 0;
            long time = 0;
            long slowest = 0;
            for (BuildSummary row : shards) {
                String shard = row.build().ci().shard();
                seen.add(shard);
                of = shard.substring(shard.indexOf('/') + 1);
                failed |= row.build().result() == BuildResult.FAILURE || row.failed() > 0;
                tests += row.tests();
                failures += row.failed();
                time += row.testTimeMs();
                slowest = Math.max(slowest, row.testTimeMs());
            }
            out.add(String.format(
                    Locale.ROOT,
                    RUN_ROW,
                    cutLeft(run, 24),
                    cut(seen.size() + " of " + of, 9),
                    failed ? "FAILURE" : "SUCCESS",
                    tests,
                    failures,
                    duration(time),
                    duration(slowest)));
        });
    }

    private static String commit(BuildRecord b) {
        Checkout checkout = b.checkout();
        if (checkout.commit() == null) {
            return "-";
        }
        String sha = checkout.commit().length() > 7 ? checkout.commit().substring(0, 7) : checkout.commit();
        // A trailing * marks a build of uncommitted changes, as `git describe --dirty` does.
        return checkout.dirty() ? sha + "*" : sha;
    }

    /** Like a short commit sha, a fingerprint's first 12 characters are plenty to tell failures apart. */
    private static String shortFingerprint(String fingerprint) {
        if (fingerprint == null) {
            return "-";
        }
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }

    private static String branch(BuildRecord b) {
        if (b.checkout().branch() != null) {
            return b.checkout().branch();
        }
        return b.checkout().commit() == null ? "-" : "(detached)";
    }

    /** {@code groupId:artifactId} → {@code artifactId}: the group is the same everywhere in a project. */
    private static String module(String module) {
        if (module == null) {
            return "-";
        }
        int colon = module.lastIndexOf(':');
        return colon < 0 ? module : module.substring(colon + 1);
    }

    /** {@code SimpleClassName.method}: the package rarely matters and the method is what people search for. */
    private static String test(MethodStats m) {
        String cls = m.className();
        int dot = cls.lastIndexOf('.');
        return (dot < 0 ? cls : cls.substring(dot + 1)) + "." + m.methodName();
    }

    /** Shortens from the end, marking the cut with an ellipsis. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return max <= 1 ? s.substring(0, Math.max(0, max)) : s.substring(0, max - 1) + "…";
    }

    /** Shortens from the start (for class names the tail is what tells them apart). */
    static String cutLeft(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return max <= 1 ? s.substring(s.length() - Math.max(0, max)) : "…" + s.substring(s.length() - max + 1);
    }
}
