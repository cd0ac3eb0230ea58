package dev.ard.it;

import static dev.ard.it.TelemetrySample.JUNIT4;
import static dev.ard.it.TelemetrySample.JUNIT5;
import static dev.ard.it.TelemetrySample.TESTNG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The main scenario: the sample built twice with ARD, then checked row by row. Both builds run once
 * per class ({@link BeforeAll}); every test asserts on their logs and on the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTelemetryIT {

    protected Sample sample;
    protected String head;
    protected MavenLog first;
    protected MavenLog second;
    /** The builds' ids, oldest first, read right after the second build. */
    protected List<String> builds;

    /** The Surefire/Failsafe version the sample builds with. */
    abstract String surefireVersion();

    @BeforeAll
    void buildTwice() throws Exception {
        sample = Sample.telemetry(getClass().getSimpleName()).gitInit();
        head = sample.head();
        java.nio.file.Files.deleteIfExists(stepSummary()); // appended to, as on a runner: start empty
        first = sample.maven("verify", "-Dsurefire.version=" + surefireVersion())
                .env("GITHUB_STEP_SUMMARY", stepSummary().toString())
                .run("build1");
        second = sample.maven("verify", "-Dsurefire.version=" + surefireVersion())
                .run("build2");
        builds = TelemetrySample.buildIds(sample.store());
    }

    @Test
    void bothBuildsRanEveryTestAndSucceeded() {
        TelemetrySample.assertCompleteBuild(first, TelemetrySample.TOTALS_FIRST_BUILD);
        TelemetrySample.assertCompleteBuild(second, TelemetrySample.TOTALS_LATER_BUILD);
    }

    @Test
    void eachBuildPrintsExactlyOneArdSummaryLine() {
        TelemetrySample.assertRecorded(first);
        TelemetrySample.assertRecorded(second);
    }

    /** Outside the sample's working tree, as on a CI runner (a file there would make the next build dirty). */
    private java.nio.file.Path stepSummary() {
        return ItEnvironment.work().resolve(getClass().getSimpleName() + "-step-summary.md");
    }

    @Test
    void theFirstBuildsJobSummaryNamesItsFlakyTest() throws Exception {
        // as on a CI job page: the step summary file gets the build's Markdown summary, target/ard/summary.md too
        String step = java.nio.file.Files.readString(stepSummary(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(step)
                .startsWith("### ARD \u2014 verify \u00b7 SUCCESS")
                .contains("**Flaky \u2014 passed on a rerun** (1)")
                .contains(TelemetrySample.FLAKY_CLASS.replace("_", "\\_"));
        assertThat(sample.dir().resolve("target/ard/summary.md")).exists();
    }

    @Test
    void storeHoldsTwoBuildsOfTheSampleCommit() throws Exception {
        assertThat(builds).hasSize(2);
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                Map<String, Object> build =
                        db.rows("SELECT * FROM build WHERE id = ?", id).get(0);
                assertThat(build.get("commit_sha")).isEqualTo(head);
                assertThat(build.get("branch")).isEqualTo("main");
                assertThat(build.get("result")).isEqualTo("SUCCESS");
                assertThat(((Number) build.get("dirty")).intValue()).as("dirty").isZero();
            }
        }
    }

    @Test
    void eachBuildStoresExactlyTheResultsOfEveryModule() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                assertThat(TelemetrySample.outcomes(db, id)).as("build %s", id).isEqualTo(TelemetrySample.OUTCOMES);
            }
        }
    }

    @Test
    void theFlakyTestPassedAfterARerunInTheFirstBuildOnly() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            String sql = "SELECT outcome, flaky, reruns FROM test_result WHERE build_id = ? AND class_name = ?";
            Map<String, Object> firstRun =
                    db.rows(sql, builds.get(0), TelemetrySample.FLAKY_CLASS).get(0);
            assertThat(firstRun.get("outcome")).isEqualTo("PASSED");
            assertThat(((Number) firstRun.get("flaky")).intValue()).isEqualTo(1);
            assertThat(((Number) firstRun.get("reruns")).intValue()).isGreaterThanOrEqualTo(1);

            Map<String, Object> secondRun =
                    db.rows(sql, builds.get(1), TelemetrySample.FLAKY_CLASS).get(0);
            assertThat(secondRun.get("outcome")).isEqualTo("PASSED");
            assertThat(((Number) secondRun.get("flaky")).intValue()).isZero();
            assertThat(((Number) secondRun.get("reruns")).intValue()).isZero();
        }
    }

    @Test
    void quotedAndUnicodeNamesAreStoredExactly() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                assertThat(db.strings(
                                "SELECT method_name FROM test_result WHERE build_id = ? AND module = ?"
                                        + " AND class_name = 'dev.ard.sample.greeting.QuotedNamesTest' ORDER BY method_name",
                                id,
                                JUNIT4))
                        .containsExactlyElementsOf(TelemetrySample.QUOTED_METHODS);
                assertThat(db.strings(
                                "SELECT method_name FROM test_result WHERE build_id = ? AND module = ?"
                                        + " AND class_name = 'dev.ard.sample.calc.UnicodeNamesTest'",
                                id,
                                JUNIT5))
                        .containsExactly(TelemetrySample.UNICODE_METHOD);
            }
        }
    }

    @Test
    void durationsAreNeverNegativeAndAddUp() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                assertThat(db.number("SELECT COUNT(*) FROM test_result WHERE build_id = ? AND duration_ms < 0", id))
                        .isZero();
                assertThat(db.number("SELECT SUM(duration_ms) FROM test_result WHERE build_id = ?", id))
                        .isPositive();
                // SlowTest sleeps 600 ms: a lower bound, never flaky.
                assertThat(db.number(
                                "SELECT duration_ms FROM test_result WHERE build_id = ? AND class_name = ?",
                                id,
                                TelemetrySample.SLOW_CLASS))
                        .isGreaterThanOrEqualTo(500);
            }
        }
    }

    @Test
    void failuresKeepTheirTypeAndAStableFingerprint() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            String sql = "SELECT method_name, outcome, failure_type, failure_fingerprint FROM test_result"
                    + " WHERE build_id = ? AND class_name = 'dev.ard.sample.greeting.BrokenTest' ORDER BY method_name";
            List<Map<String, Object>> firstRows = db.rows(sql, builds.get(0));
            assertThat(firstRows)
                    .extracting(r -> r.get("method_name") + " " + r.get("outcome") + " " + r.get("failure_type"))
                    .containsExactly(
                            "explodes ERROR java.lang.IllegalStateException",
                            "fails FAILED org.junit.ComparisonFailure");
            assertThat(firstRows)
                    .extracting(r -> r.get("failure_fingerprint"))
                    .doesNotContainNull()
                    .doesNotHaveDuplicates();
            assertThat(db.rows(sql, builds.get(1)))
                    .extracting(r -> r.get("failure_fingerprint"))
                    .containsExactlyElementsOf(firstRows.stream()
                            .map(r -> r.get("failure_fingerprint"))
                            .toList());
            // A passed or skipped test carries no failure, except a flaky one: that keeps its failed attempt's.
            assertThat(db.number("SELECT COUNT(*) FROM test_result WHERE outcome IN ('PASSED', 'SKIPPED') AND flaky = 0"
                            + " AND (failure_type IS NOT NULL OR failure_fingerprint IS NOT NULL)"))
                    .isZero();
            Map<String, Object> flaky = db.rows(
                            "SELECT failure_type, failure_fingerprint FROM test_result"
                                    + " WHERE build_id = ? AND class_name = ?",
                            builds.get(0),
                            TelemetrySample.FLAKY_CLASS)
                    .get(0);
            assertThat(flaky.get("failure_type")).isEqualTo("org.opentest4j.AssertionFailedError");
            assertThat(flaky.get("failure_fingerprint")).isNotNull();
        }
    }

    @Test
    void failsafeResultsAreRecordedAsFailsafe() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                assertThat(db.rows(
                                "SELECT module, execution_id, class_name, method_name, outcome FROM test_result"
                                        + " WHERE build_id = ? AND plugin = 'failsafe'",
                                id))
                        .extracting(r -> String.join(
                                " ", r.values().stream().map(String::valueOf).toList()))
                        .containsExactly(JUNIT5 + " default dev.ard.sample.calc.CalculatorIT dividesEndToEnd PASSED");
            }
        }
    }

    @Test
    void moduleRunsSayTheResultsCameFromTheReporter() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                assertThat(db.rows(
                                "SELECT module, plugin, execution_id, source FROM module_run WHERE build_id = ?"
                                        + " ORDER BY module, plugin",
                                id))
                        .extracting(r -> String.join(
                                " ", r.values().stream().map(String::valueOf).toList()))
                        .containsExactly(
                                JUNIT4 + " surefire default-test reporter",
                                JUNIT5 + " failsafe default reporter",
                                JUNIT5 + " surefire default-test reporter",
                                TESTNG + " surefire default-test reporter");
            }
        }
    }

    @Test
    void mojoTimingsCoverCompilerSurefireAndFailsafe() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            for (String id : builds) {
                List<String> timings = db.strings(
                        "SELECT module || ' ' || plugin || ' ' || goal FROM mojo_timing"
                                + " WHERE build_id = ? AND duration_ms >= 0",
                        id);
                for (String module : List.of(JUNIT5, JUNIT4, TESTNG)) {
                    assertThat(timings)
                            .anyMatch(t -> t.startsWith(module + " org.apache.maven.plugins:maven-compiler-plugin:")
                                    && t.endsWith(" testCompile"));
                    assertThat(timings)
                            .anyMatch(t -> t.startsWith(module + " org.apache.maven.plugins:maven-surefire-plugin:"
                                    + surefireVersion() + " test"));
                }
                assertThat(timings)
                        .contains(
                                JUNIT5 + " org.apache.maven.plugins:maven-compiler-plugin:3.14.0 compile",
                                JUNIT5 + " org.apache.maven.plugins:maven-failsafe-plugin:" + surefireVersion()
                                        + " integration-test",
                                JUNIT5 + " org.apache.maven.plugins:maven-failsafe-plugin:" + surefireVersion()
                                        + " verify");
            }
        }
    }
}
