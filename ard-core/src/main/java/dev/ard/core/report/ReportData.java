package dev.ard.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.report.BuildProfile.GoalTime;
import dev.ard.core.report.BuildProfile.ModuleTime;
import dev.ard.core.report.BuildProfile.Step;
import dev.ard.core.report.DurationRegressions.Regression;
import dev.ard.core.report.Flakiness.FlakyTest;
import dev.ard.core.report.SelectionMisses.Miss;
import dev.ard.core.report.SelectionMisses.Recall;
import dev.ard.core.selection.quarantine.QuarantineEntry;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightFacts.Decision;
import dev.ard.core.telemetry.InsightFacts.DurationSeries;
import dev.ard.core.telemetry.InsightFacts.Point;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document the report page draws from (docs/architecture.md §10): the analyses' results, compact (decisions
 * as rows with a table of reasons, commits shortened), with build ids as the links between sections.
 */
public final class ReportData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportData() {}

    /** The analyses a report shows, computed once. */
    public record Analyses(SelectionMisses.Result misses, List<FlakyTest> flaky, List<Regression> regressions) {

        /** The same analyses, each miss with its skip reason from {@code reasons} (see {@link SelectionMisses.Result}). */
        public Analyses withMissReasons(Map<String, String> reasons) {
            return new Analyses(misses.withReasons(reasons), flaky, regressions);
        }

        public static Analyses of(InsightFacts facts, CommitAncestry ancestry) {
            return new Analyses(
                    SelectionMisses.find(facts, ancestry),
                    Flakiness.of(facts),
                    DurationRegressions.DEFAULTS.find(facts.fullBranchRuns()));
        }

        /** {@link #of(InsightFacts, CommitAncestry)}, with the misses' skip reasons read from {@code store}. */
        public static Analyses read(TelemetryStore store, InsightFacts facts, CommitAncestry ancestry)
                throws StoreException {
            Analyses analyses = of(facts, ancestry);
            return analyses.withMissReasons(store.skipReasons(analyses.misses().keys()));
        }
    }

    public static ObjectNode of(ReportInputs inputs, Analyses analyses) {
        InsightFacts facts = inputs.facts();
        ObjectNode root = JSON.createObjectNode();
        root.put("generated", inputs.generated().toEpochMilli());
        root.put("store", inputs.store());
        root.put("since", inputs.since().toEpochMilli());
        ArrayNode fullBranches = root.putArray("fullBranches");
        inputs.fullBranches().forEach(fullBranches::add);
        builds(root.putArray("builds"), facts);
        recall(root.putArray("recall"), analyses.misses());
        root.put("confirmedSkips", analyses.misses().confirmedSkips());
        ArrayNode misses = root.putArray("misses");
        for (Miss m : analyses.misses().misses()) {
            misses.addObject()
                    .put("skipped", m.skippedIn().id())
                    .put("failed", m.failedIn().id())
                    .put("module", m.module())
                    .put("cls", m.className())
                    .put("reason", m.reason());
        }
        flaky(root.putArray("flaky"), analyses.flaky(), inputs.quarantine());
        quarantine(root, inputs.quarantine());
        Map<String, DurationSeries> series = new HashMap<>();
        facts.fullBranchRuns().forEach(s -> series.put(s.module() + '\0' + s.className(), s));
        ArrayNode slowest = root.putArray("slowest");
        for (ClassStats c : inputs.slowest()) {
            ObjectNode row = slowest.addObject()
                    .put("module", c.module())
                    .put("cls", c.className())
                    .put("meanMs", c.meanDurationMs())
                    .put("builds", c.builds())
                    .put("failures", c.failures());
            DurationSeries s = series.get(c.module() + '\0' + c.className());
            if (s != null) {
                ArrayNode values = row.putArray("series");
                s.points().forEach(p -> values.add(p.durationMs()));
            }
        }
        ArrayNode regressions = root.putArray("regressions");
        for (Regression r : analyses.regressions()) {
            ArrayNode values = regressions
                    .addObject()
                    .put("module", r.module())
                    .put("cls", r.className())
                    .put("baselineMs", r.baselineMs())
                    .put("madMs", r.madMs())
                    .put("currentMs", r.currentMs())
                    .put("ratio", r.ratio())
                    .put("started", r.startedIn())
                    .put("slowRuns", r.slowRuns())
                    .put("baselineRuns", r.baselineRuns())
                    .putArray("series");
            for (Point p : r.series()) {
                values.add(p.durationMs());
            }
        }
        root.put(
                "durationBuilds",
                facts.fullBranchRuns().stream()
                        .mapToInt(s -> s.points().size())
                        .max()
                        .orElse(0));
        profile(root.putObject("profile"), facts);
        decisions(root.putObject("decisions"), facts);
        model(root, facts);
        attestations(root, inputs);
        return root;
    }

    /** Selection's recall per mode, as the report and {@code ard:stats -Dard.format=json} write it. */
    public static void recall(ArrayNode out, SelectionMisses.Result misses) {
        for (Recall r : misses.recall()) {
            out.addObject()
                    .put("mode", r.mode().stored())
                    .put("caughtClasses", r.caughtClasses())
                    .put("missedClasses", r.missedClasses())
                    .put("caughtBuilds", r.caughtBuilds())
                    .put("failingBuilds", r.failingBuilds());
        }
    }

    private static void builds(ArrayNode out, InsightFacts facts) {
        for (BuildSummary s : facts.builds()) {
            BuildRecord b = s.build();
            ObjectNode row = out.addObject()
                    .put("id", b.id())
                    .put("started", b.startedAt().toEpochMilli())
                    .put("commit", shortCommit(b.checkout().commit()))
                    .put("branch", b.checkout().branch())
                    .put("mode", b.mode() == null ? null : b.mode().stored())
                    .put("result", b.result() == null ? null : b.result().name().toLowerCase(java.util.Locale.ROOT))
                    .put("shard", b.ci().shard())
                    .put("run", b.ci().runId())
                    .put("tests", s.tests())
                    .put("failed", s.failed())
                    .put("bySelection", s.skippedBySelection())
                    .put("testMs", s.testTimeMs());
            Long saved = facts.savedMs().get(b.id());
            if (saved != null) {
                row.put("savedMs", saved);
            }
        }
    }

    private static void flaky(ArrayNode out, List<FlakyTest> flaky, ReportInputs.QuarantineView quarantine) {
        for (FlakyTest f : flaky) {
            ObjectNode row = out.addObject()
                    .put("module", f.module())
                    .put("cls", f.className())
                    .put("method", f.method())
                    .put("runs", f.runs())
                    .put("failures", f.failures())
                    .put("rerun", f.rerunFlaky())
                    .put("flips", f.flipCommits())
                    .put("rate", f.rate());
            if (f.lastFlaky() != null) {
                row.put("last", f.lastFlaky().toEpochMilli());
            }
            QuarantineEntry entry = quarantine == null
                    ? null
                    : quarantine.entries().matches(f.className()).orElse(null);
            if (entry != null) {
                row.putObject("quarantine")
                        .put("owner", entry.owner())
                        .put("expires", entry.expires().toString())
                        .put("expired", !entry.appliesOn(quarantine.today()));
            }
        }
    }

    private static void quarantine(ObjectNode root, ReportInputs.QuarantineView quarantine) {
        if (quarantine == null) {
            root.putNull("quarantine");
            return;
        }
        ObjectNode q =
                root.putObject("quarantine").put("file", quarantine.entries().source());
        ArrayNode entries = q.putArray("entries");
        for (QuarantineEntry entry : quarantine.entries().entries()) {
            entries.addObject()
                    .put("pattern", entry.pattern())
                    .put("owner", entry.owner())
                    .put("expires", entry.expires().toString())
                    .put("reason", entry.reason())
                    .put("expired", !entry.appliesOn(quarantine.today()));
        }
        ArrayNode problems = q.putArray("problems");
        quarantine.problems().forEach(problems::add);
    }

    private static void profile(ObjectNode out, InsightFacts facts) {
        Map<String, List<ModuleTime>> perBuild = BuildProfile.moduleTimes(facts.mojos());
        ArrayNode builds = out.putArray("builds");
        // oldest first, so the chart reads left to right
        List<BuildSummary> newestFirst = facts.builds();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            String id = newestFirst.get(i).build().id();
            List<ModuleTime> modules = perBuild.get(id);
            if (modules == null) {
                continue;
            }
            ArrayNode list = builds.addObject().put("id", id).putArray("modules");
            modules.forEach(m -> list.addObject().put("m", m.module()).put("ms", m.durationMs()));
        }
        ArrayNode goals = out.putArray("goals");
        for (GoalTime g : BuildProfile.slowestGoals(facts.mojos(), 15)) {
            goals.addObject()
                    .put("plugin", g.plugin())
                    .put("goal", g.goal())
                    .put("totalMs", g.totalMs())
                    .put("builds", g.builds())
                    .put("maxMs", g.maxMs());
        }
        for (BuildSummary newest : newestFirst) {
            List<Step> path =
                    BuildProfile.criticalPath(facts.mojos(), newest.build().id());
            if (!path.isEmpty()) {
                ArrayNode steps = out.putObject("critical")
                        .put("build", newest.build().id())
                        .putArray("steps");
                path.forEach(st -> steps.addObject()
                        .put("m", st.module())
                        .put("start", st.startMs())
                        .put("end", st.endMs()));
                return;
            }
        }
        out.putNull("critical");
    }

    private static void decisions(ObjectNode out, InsightFacts facts) {
        facts.decisions().forEach((build, decisions) -> {
            Map<String, Integer> reasonIds = new LinkedHashMap<>();
            ObjectNode node = out.putObject(build);
            ArrayNode rows = node.putArray("rows");
            for (Decision d : decisions) {
                String reason = d.reason() == null ? "" : d.reason();
                int id = reasonIds.computeIfAbsent(reason, r -> reasonIds.size());
                rows.addArray()
                        .add(d.module())
                        .add(d.className())
                        .add(d.selected() ? 1 : 0)
                        .add(id);
            }
            ArrayNode reasons = node.putArray("reasons");
            reasonIds.keySet().forEach(reasons::add);
        });
    }

    private static void model(ObjectNode root, InsightFacts facts) {
        if (facts.model().isEmpty()) {
            root.putNull("model");
            return;
        }
        var model = facts.model().get();
        ObjectNode node = root.putObject("model")
                .put("version", model.version())
                .put("trainedAt", model.trainedAt().toEpochMilli());
        try {
            node.set("metrics", JSON.readTree(model.metrics()));
        } catch (JsonProcessingException e) {
            node.put("metrics", "unreadable metrics: " + e.getOriginalMessage());
        }
    }

    private static void attestations(ObjectNode root, ReportInputs inputs) {
        if (inputs.attestations().isEmpty()) {
            root.putNull("attestations");
            return;
        }
        ArrayNode files = root.putObject("attestations").putArray("files");
        for (ReportInputs.AttestationView a : inputs.attestations()) {
            ObjectNode f = files.addObject()
                    .put("name", a.name())
                    .put("kind", a.kind())
                    .put("signer", a.signer())
                    .put("verification", a.verification());
            if (a.verified() == null) {
                f.putNull("verified");
            } else {
                f.put("verified", a.verified());
            }
            ArrayNode subjects = f.putArray("subjects");
            a.subjects().forEach(subjects::add);
        }
    }

    private static String shortCommit(String commit) {
        return commit == null ? null : commit.substring(0, Math.min(10, commit.length()));
    }
}
