package dev.ard.maven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import dev.ard.core.telemetry.TelemetryStore.MethodStats;
import dev.ard.core.telemetry.ToolVersions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsReportTest {

    private static final String SHA = "8c39ed7f0e1d2c3b4a5968778695a4b3c2d1e0f1";
    private static final String LONG_CLASS =
            "com.example.very.deeply.nested.package.name.that.goes.on.and.on.OrderServiceIntegrationTest";

    private static BuildSummary build(String commit, String branch, boolean dirty, BuildResult result, long testMs) {
        BuildRecord b = new BuildRecord(
                "id-" + branch,
                Instant.parse("2026-11-28T04:50:00Z"),
                Instant.parse("2026-11-28T04:51:10Z"),
                List.of("verify"),
                new Checkout("/w/sample", commit, branch, dirty),
                CiRun.LOCAL,
                new ToolVersions("3.9.16", "17.0.15", "Linux"),
                RecordedMode.ALL,
                result);
        return new BuildSummary(b, 14, 2, 1, 0, testMs);
    }

    private static StatsReport sample() {
        return new StatsReport(
                "jdbc:sqlite:/w/sample/.ard/telemetry.db",
                50,
                List.of(
                        build(SHA, "main", false, BuildResult.SUCCESS, 1234),
                        build(SHA, null, true, BuildResult.FAILURE, 61_500),
                        build(null, null, false, BuildResult.SUCCESS, 12)),
                List.of(
                        new ClassStats("dev.ard.sample:junit4-tests", "dev.ard.sample.SlowTest", 2, 412, 0),
                        new ClassStats("dev.ard.sample:junit5-tests", LONG_CLASS, 2, 3, 1)),
                List.of(new MethodStats(
                        "dev.ard.sample:junit4-tests",
                        "dev.ard.sample.BrokenTest",
                        "fails",
                        2,
                        2,
                        0,
                        "a1b2c3d4e5f60718293a")),
                List.of(
                        new MethodStats(
                                "dev.ard.sample:junit5-tests",
                                "dev.ard.sample.FlakyTest",
                                "eventuallyPasses",
                                2,
                                0,
                                1,
                                null),
                        new MethodStats(
                                "dev.ard.sample:junit4-tests",
                                "dev.ard.sample.QuotedParamTest",
                                "test[0: it's \"a\" and a very long parameter description that cannot fit]",
                                2,
                                0,
                                1,
                                null)),
                null);
    }

    private static BuildSummary shard(String run, String shard, BuildResult result, long testMs) {
        BuildSummary b = build(SHA, "feature/x", false, result, testMs);
        BuildRecord r = b.build();
        return new BuildSummary(
                new BuildRecord(
                        r.id(),
                        r.startedAt(),
                        r.finishedAt(),
                        r.goals(),
                        r.checkout(),
                        new CiRun("github", null, run, shard),
                        r.tools(),
                        RecordedMode.SAFE,
                        result),
                b.tests(),
                result == BuildResult.FAILURE ? 1 : 0,
                0,
                0,
                testMs);
    }

    @Test
    void theShardsOfOneRunAreOneLine() {
        StatsReport report = new StatsReport(
                "jdbc:sqlite:x",
                50,
                List.of(
                        shard("1234-1", "1/3", BuildResult.SUCCESS, 40_000),
                        shard("1234-1", "2/3", BuildResult.FAILURE, 50_000),
                        shard("1234-1", "3/3", BuildResult.SUCCESS, 45_000),
                        shard("77-1", "1/2", BuildResult.SUCCESS, 1_000),
                        build(SHA, "main", false, BuildResult.SUCCESS, 1234)),
                List.of(),
                List.of(),
                List.of(),
                null);

        List<String> lines = report.renderText(ZoneOffset.UTC);

        assertThat(lines).contains("Sharded runs (among the last 5 builds)");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).matches("  1234-1 +3 of 3 +FAILURE +42 +1 +2m 15s +50\\.0 s"))
                .anySatisfy(l -> assertThat(l).matches("  77-1 +1 of 2 +SUCCESS +14 +0 +1\\.0 s +1\\.0 s"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(StatsReport.WIDTH));
    }

    @Test
    void theJsonNamesEachBuildsRunAndShard() throws Exception {
        StatsReport report = new StatsReport(
                "jdbc:sqlite:x",
                50,
                List.of(
                        shard("1234-1", "2/3", BuildResult.SUCCESS, 1),
                        build(SHA, "main", false, BuildResult.SUCCESS, 1)),
                List.of(),
                List.of(),
                List.of(),
                null);

        JsonNode builds = new ObjectMapper().readTree(report.renderJson()).get("builds");

        assertThat(builds.get(0).get("runId").asText()).isEqualTo("1234-1");
        assertThat(builds.get(0).get("shard").asText()).isEqualTo("2/3");
        assertThat(builds.get(1).get("shard").isNull()).isTrue();
    }

    @Test
    void withoutShardsThereIsNoRunsTable() {
        assertThat(sample().renderText(ZoneOffset.UTC)).noneMatch(l -> l.startsWith("Sharded runs"));
    }

    @Test
    void everyTextLineFitsA100ColumnTerminalAfterTheInfoPrefix() {
        List<String> lines = sample().renderText(ZoneOffset.UTC);
        assertThat(lines)
                .allSatisfy(line -> assertThat(("[INFO] " + line).length()).isLessThanOrEqualTo(100));
        assertThat(lines).contains("Last 3 builds");
    }

    @Test
    void buildRowsShowTimeShortShaBranchResultCountsAndTestTime() {
        List<String> lines = sample().renderText(ZoneOffset.UTC);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("  2026-11-28 04:50  8c39ed7   main")
                .contains("SUCCESS  all")
                .matches(".*\\s14\\s+2\\s+1\\s+1\\.2 s$"));
        // dirty and detached builds are told apart; a build outside git shows dashes.
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("8c39ed7*  (detached)")
                .contains("FAILURE")
                .endsWith("1m 01s"));
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).contains("04:50  -         -  ").endsWith("12 ms"));
    }

    @Test
    void longClassNamesKeepTheirEndAndLongMethodNamesTheirStart() {
        List<String> lines = sample().renderText(ZoneOffset.UTC);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("412 ms")
                .contains("junit4-tests")
                .endsWith("dev.ard.sample.SlowTest"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("       3 ms")
                .contains("…")
                .endsWith("OrderServiceIntegrationTest"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("1/2")
                .contains("QuotedParamTest.test[0: it's \"a\"")
                .endsWith("…"));
    }

    @Test
    void failingTestsShowTheirFingerprint() {
        List<String> lines = sample().renderText(ZoneOffset.UTC);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("  2/2")
                .contains("a1b2c3d4e5f6")
                .endsWith("BrokenTest.fails"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("FlakyTest.eventuallyPasses"));
    }

    @Test
    void emptyTablesSayNone() {
        StatsReport report = new StatsReport(
                "jdbc:sqlite:x.db",
                5,
                List.of(build(SHA, "main", false, BuildResult.SUCCESS, 0)),
                List.of(),
                List.of(),
                List.of(),
                null);
        List<String> lines = report.renderText(ZoneOffset.UTC);
        assertThat(lines).filteredOn("  (none)"::equals).hasSize(3);
        assertThat(lines).contains("Slowest test classes (mean over the last 5 builds)");
    }

    @Test
    void aLongStorePathKeepsItsEndInTheHeader() {
        String url = "jdbc:sqlite:/" + "very-long-directory/".repeat(8) + ".ard/telemetry.db";
        List<String> lines =
                new StatsReport(url, 5, List.of(), List.of(), List.of(), List.of(), null).renderText(ZoneOffset.UTC);
        assertThat(lines.get(0))
                .startsWith("ARD stats for …")
                .endsWith(".ard/telemetry.db")
                .hasSize(StatsReport.WIDTH);
    }

    @Test
    void jsonHasEveryRowInFull() throws Exception {
        JsonNode json = new ObjectMapper().readTree(sample().renderJson());
        assertThat(json.get("store").asText()).isEqualTo("jdbc:sqlite:/w/sample/.ard/telemetry.db");
        assertThat(json.get("window").asInt()).isEqualTo(50);
        assertThat(json.get("builds")).hasSize(3);
        JsonNode first = json.get("builds").get(0);
        assertThat(first.get("commit").asText()).isEqualTo(SHA);
        assertThat(first.get("branch").asText()).isEqualTo("main");
        assertThat(first.get("startedAt").asText()).isEqualTo("2026-11-28T04:50:00Z");
        assertThat(first.get("tests").asInt()).isEqualTo(14);
        assertThat(first.get("testTimeMs").asLong()).isEqualTo(1234);
        assertThat(first.get("goals").get(0).asText()).isEqualTo("verify");
        assertThat(json.get("builds").get(1).get("branch").isNull()).isTrue();
        assertThat(json.get("slowestClasses").get(1).get("className").asText()).isEqualTo(LONG_CLASS);
        assertThat(json.get("mostFailing").get(0).get("lastFingerprint").asText())
                .isEqualTo("a1b2c3d4e5f60718293a");
        assertThat(json.get("flaky").get(1).get("methodName").asText())
                .isEqualTo("test[0: it's \"a\" and a very long parameter description that cannot fit]");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(StatsReport.duration(0)).isEqualTo("0 ms");
        assertThat(StatsReport.duration(999)).isEqualTo("999 ms");
        assertThat(StatsReport.duration(1000)).isEqualTo("1.0 s");
        assertThat(StatsReport.duration(59_949)).isEqualTo("59.9 s");
        assertThat(StatsReport.duration(3_725_000)).isEqualTo("62m 05s");
    }

    @Test
    void cuttingMarksTheCutWithAnEllipsis() {
        assertThat(StatsReport.cut("abcdef", 6)).isEqualTo("abcdef");
        assertThat(StatsReport.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(StatsReport.cutLeft("abcdef", 4)).isEqualTo("…def");
    }
}
