package dev.ard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.report.BuildProfile.Step;
import dev.ard.core.report.DurationRegressions.Regression;
import dev.ard.core.report.Flakiness.FlakyTest;
import dev.ard.core.report.SelectionMisses.Recall;
import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.selection.quarantine.QuarantineEntry;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightFacts.DurationSeries;
import dev.ard.core.telemetry.InsightFacts.MojoRow;
import dev.ard.core.telemetry.InsightFacts.Point;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.ReportHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's analyses on a real SQLite store holding {@link ReportHistory}, and on hand-made series. */
class InsightAnalysesTest {
    @TempDir
    static Path dir;

    static InsightFacts facts;

    @BeforeAll
    static void store() throws Exception {
        facts = InsightStores.facts(InsightStores.written(dir));
    }

    @Test
    void aSkipThatFailsInALaterBuildContainingTheChangeIsAMiss() {
        SelectionMisses.Result result = SelectionMisses.find(facts, ReportHistory::contains);

        assertThat(result.misses()).singleElement().satisfies(miss -> {
            assertThat(miss.className()).isEqualTo(ReportHistory.MISSED);
            assertThat(miss.skippedIn().id()).isEqualTo(ReportHistory.id(21));
            assertThat(miss.failedIn().id()).isEqualTo(ReportHistory.id(22));
            assertThat(miss.reason()).isNull(); // read for the misses only, by key (InsightFactsContract)
        });
        Recall safe = result.recall().get(0);
        assertThat(safe.mode()).isEqualTo(RecordedMode.SAFE);
        // caught: PriceTest in build 31; missed: CartTest of build 21
        assertThat(safe.caughtClasses()).isEqualTo(1);
        assertThat(safe.missedClasses()).isEqualTo(1);
        assertThat(safe.classRecall()).isEqualTo(0.5);
        assertThat(safe.caughtBuilds()).isEqualTo(1);
        assertThat(safe.failingBuilds()).isEqualTo(2);
        assertThat(result.recall().get(1).classRecall()).isNaN();
        // the 28 feature builds skipped both watched classes CartTest and the hostile one; the next main build
        // confirmed each skip, except those of the last feature build (no main build after it)
        assertThat(result.confirmedSkips()).isEqualTo(2 * 27);
    }

    @Test
    void aLaterBuildThatDoesNotContainTheChangeConfirmsNothing() {
        SelectionMisses.Result sameCommitOnly = SelectionMisses.find(facts, CommitAncestry.SAME_COMMIT_ONLY);

        assertThat(sameCommitOnly.misses()).isEmpty();
        assertThat(sameCommitOnly.confirmedSkips()).isZero();
        assertThat(sameCommitOnly.recall().get(0).caughtClasses()).isEqualTo(1);
    }

    @Test
    void aMergeBuildWithASkewedClockStillConfirmsTheSkip() {
        String branch = "b".repeat(40);
        String merge = "a".repeat(40);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        // the merge build's machine runs 10 minutes behind: it "started" before the branch build
        InsightFacts facts = new InsightFacts(
                List.of(
                        summary("sel", t, branch, RecordedMode.SAFE),
                        summary("full", t.minusSeconds(600), merge, RecordedMode.ALL)),
                java.util.Map.of(),
                List.of(new InsightFacts.ClassHistory(
                        "m",
                        "p.ATest",
                        List.of(
                                new InsightFacts.MethodResult("sel", "", Outcome.SKIPPED_BY_SELECTION, false, 0),
                                new InsightFacts.MethodResult("full", "t", Outcome.FAILED, false, 5)))),
                java.util.Map.of(),
                List.of(),
                List.of(),
                java.util.Map.of(),
                java.util.Optional.empty());

        assertThat(SelectionMisses.find(facts, (later, earlier) -> later.equals(merge) || later.equals(earlier))
                        .misses())
                .singleElement()
                .satisfies(m -> assertThat(m.failedIn().id()).isEqualTo("full"));
        // the same skew without ancestry: the earlier-started build of the same commit confirms nothing
        assertThat(SelectionMisses.find(facts, CommitAncestry.SAME_COMMIT_ONLY).misses())
                .isEmpty();
    }

    @Test
    void aClassThatRanInAnotherShardWasNotSkippedBySelection() {
        String commit = "c".repeat(40);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        List<InsightFacts.MethodResult> results = List.of(
                new InsightFacts.MethodResult("shard", "", Outcome.SKIPPED_BY_SELECTION, false, 0),
                new InsightFacts.MethodResult("later", "t", Outcome.FAILED, false, 5));
        List<dev.ard.core.telemetry.TelemetryStore.BuildSummary> builds = List.of(
                summary("shard", t, commit, RecordedMode.SAFE),
                summary("later", t.plusSeconds(600), commit, RecordedMode.ALL));
        String key = InsightFacts.key("shard", "m", "p.ATest");

        InsightFacts otherShard = new InsightFacts(
                builds,
                java.util.Map.of(),
                List.of(new InsightFacts.ClassHistory("m", "p.ATest", results)),
                java.util.Map.of(key, "runs in shard 2/3"),
                List.of(),
                List.of(),
                java.util.Map.of(),
                java.util.Optional.empty());
        InsightFacts skipped = new InsightFacts(
                builds,
                java.util.Map.of(),
                List.of(new InsightFacts.ClassHistory("m", "p.ATest", results)),
                java.util.Map.of(key, "no changed class reaches it"),
                List.of(),
                List.of(),
                java.util.Map.of(),
                java.util.Optional.empty());

        assertThat(SelectionMisses.find(otherShard, CommitAncestry.SAME_COMMIT_ONLY)
                        .misses())
                .isEmpty();
        assertThat(SelectionMisses.find(skipped, CommitAncestry.SAME_COMMIT_ONLY)
                        .misses())
                .hasSize(1);
    }

    private static dev.ard.core.telemetry.TelemetryStore.BuildSummary summary(
            String id, Instant start, String commit, RecordedMode mode) {
        return new dev.ard.core.telemetry.TelemetryStore.BuildSummary(
                new dev.ard.core.telemetry.BuildRecord(
                        id,
                        start,
                        start.plusSeconds(60),
                        List.of("verify"),
                        new dev.ard.core.telemetry.Checkout("/w", commit, "main", false),
                        dev.ard.core.telemetry.CiRun.LOCAL,
                        new dev.ard.core.telemetry.ToolVersions("3.9", "17", "Linux"),
                        mode,
                        dev.ard.core.telemetry.BuildResult.SUCCESS),
                1,
                0,
                0,
                0,
                5);
    }

    @Test
    void rerunsAndFlipsOnOneCommitAreFlaky() {
        List<FlakyTest> flaky = Flakiness.of(facts);

        assertThat(flaky)
                .extracting(f -> f.className() + "#" + f.method())
                .containsExactlyInAnyOrder(
                        ReportHistory.RERUN_FLAKY + "#first",
                        ReportHistory.FLIP + "#first",
                        ReportHistory.HOSTILE + "#second");
        FlakyTest rerun = find(flaky, ReportHistory.RERUN_FLAKY);
        assertThat(rerun.rerunFlaky()).isEqualTo(5);
        assertThat(rerun.flipCommits()).isZero();
        assertThat(rerun.runs()).isEqualTo(ReportHistory.BUILDS + 1);
        assertThat(rerun.rate()).isEqualTo(5.0 / 57);
        FlakyTest flip = find(flaky, ReportHistory.FLIP);
        assertThat(flip.flipCommits()).isEqualTo(1);
        assertThat(flip.failures()).isEqualTo(1);
        assertThat(flip.lastFlaky()).isEqualTo(ReportHistory.start(44).plusSeconds(3600));
        // a failure that never passed on its commit (CartTest in build 22) is no flip
        assertThat(flaky).noneMatch(f -> f.className().equals(ReportHistory.MISSED));
    }

    @Test
    void quarantineIsProposedForClassesFlakyOftenEnoughAndNotYetQuarantined() {
        List<FlakyTest> flaky = Flakiness.of(facts);
        LocalDate today = LocalDate.parse("2026-11-02");
        QuarantineProposal rule = new QuarantineProposal(0.05, 20, 30, "@team");

        List<QuarantineProposal.Proposal> proposals = rule.propose(flaky, Quarantine.NONE, today);

        // NetTest: 5 of 57 runs (8.8 %); ClockTest 1 of 57 is under the threshold; the hostile name is no pattern
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.className()).isEqualTo(ReportHistory.RERUN_FLAKY);
            assertThat(p.line())
                    .startsWith(ReportHistory.RERUN_FLAKY + " | @team | 2026-12-02 | flaky in 8.8 % of 57 runs");
        });
        // the line reads back through the real parser as one entry
        assertThat(proposals.get(0).line().split("\\|")).hasSize(4);
        // already quarantined (and not expired): nothing to propose; expired: proposed again
        Quarantine current = new Quarantine("q", List.of(new QuarantineEntry("com.acme.cli.*", "@a", today, "x", 1)));
        assertThat(rule.propose(flaky, current, today)).isEmpty();
        assertThat(rule.propose(flaky, current, today.plusDays(1))).hasSize(1);
        // fewer runs than asked for
        assertThat(new QuarantineProposal(0.05, 58, 30, "@team").propose(flaky, Quarantine.NONE, today))
                .isEmpty();
    }

    @Test
    void aClassThatGotSlowerIsARegressionStartingAtTheFirstSlowRun() {
        List<Regression> regressions = DurationRegressions.DEFAULTS.find(facts.fullBranchRuns());

        assertThat(regressions).singleElement().satisfies(r -> {
            assertThat(r.className()).isEqualTo(ReportHistory.SLOW);
            assertThat(r.startedIn()).isEqualTo(ReportHistory.id(48));
            assertThat(r.slowRuns()).isEqualTo(4);
            assertThat(r.baselineMs()).isBetween(1_500L, 1_600L); // 1.2 s + the second method's ~0.3 s
            assertThat(r.ratio()).isGreaterThan(2.5);
        });
    }

    @Test
    void noiseFewRunsAndSmallSlowdownsAreNoRegression() {
        DurationRegressions rule = DurationRegressions.DEFAULTS;
        // noisy: the last value is within the class's usual spread
        assertThat(rule.find(series(1000, 3000, 1000, 3200, 900, 2900, 1100, 3100, 3300)))
                .isNull();
        // too few earlier runs to judge
        assertThat(rule.find(series(100, 100, 100, 100, 5000))).isNull();
        // 60 % slower but only 60 ms: under the absolute margin
        assertThat(rule.find(series(100, 100, 100, 100, 100, 100, 160))).isNull();
        // 1.1 s slower but 10 %: under the relative margin
        assertThat(rule.find(series(10_000, 10_000, 10_000, 10_000, 10_000, 11_100)))
                .isNull();
        // a slow run followed by a normal one: the newest run is fine
        assertThat(rule.find(series(1000, 1000, 1000, 1000, 1000, 5000, 1000))).isNull();
        // the same jump, sustained: regression from the first slow run
        Regression r = rule.find(series(1000, 1010, 990, 1000, 1005, 5000, 5100, 4900));
        assertThat(r.startedIn()).isEqualTo("b5");
        assertThat(r.baselineMs()).isEqualTo(1000);
        assertThat(r.currentMs()).isEqualTo(5000);
    }

    @Test
    void theCriticalPathFollowsModulesThatWaitedForEachOther() {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        // core 0-10 s; web 10-30 s and cli 10-15 s in parallel; app 30-35 s after web
        List<MojoRow> rows = List.of(
                new MojoRow("b", "core", "compiler", "compile", t, 10_000),
                new MojoRow("b", "web", "compiler", "compile", t.plusSeconds(10), 20_000),
                new MojoRow("b", "cli", "compiler", "compile", t.plusSeconds(10), 5_000),
                new MojoRow("b", "app", "surefire", "test", t.plusSeconds(30), 5_000),
                new MojoRow("other", "x", "surefire", "test", t, 99_000));

        List<Step> path = BuildProfile.criticalPath(rows, "b");

        assertThat(path).extracting(Step::module).containsExactly("core", "web", "app");
        assertThat(BuildProfile.slowestGoals(rows, 1)).singleElement().satisfies(g -> assertThat(g.totalMs())
                .isEqualTo(104_000));
        assertThat(BuildProfile.moduleTimes(rows).get("b").get(0).module()).isEqualTo("web");
    }

    private static DurationSeries series(long... values) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Point("b" + i, values[i]));
        }
        return new DurationSeries("m", "C", points);
    }

    private static FlakyTest find(List<FlakyTest> flaky, String className) {
        return flaky.stream()
                .filter(f -> f.className().equals(className))
                .findFirst()
                .orElseThrow();
    }
}
