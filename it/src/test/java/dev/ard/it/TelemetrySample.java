package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the telemetry sample's tests do, and the checks every IT makes on a build of it. */
final class TelemetrySample {
    private TelemetrySample() {}

    static final String JUNIT5 = "dev.ard.sample:junit5-tests";
    static final String JUNIT4 = "dev.ard.sample:junit4-tests";
    static final String TESTNG = "dev.ard.sample:testng-tests";

    static final String FLAKY_CLASS = "dev.ard.sample.calc.FlakyTest";
    static final String SLOW_CLASS = "dev.ard.sample.greeting.SlowTest";
    static final String UNICODE_METHOD = "grüße_ñ";
    static final List<String> QUOTED_METHODS = List.of("check[0: it's \"a\"]", "check[1: it's \"b\"]");

    /** Results per "module plugin execution outcome" of one full build (the same in every build). */
    static final Map<String, Long> OUTCOMES = new TreeMap<>(Map.of(
            JUNIT5 + " surefire default-test PASSED", 5L,
            JUNIT5 + " surefire default-test SKIPPED", 1L,
            JUNIT5 + " failsafe default PASSED", 1L,
            JUNIT4 + " surefire default-test PASSED", 5L,
            JUNIT4 + " surefire default-test FAILED", 1L,
            JUNIT4 + " surefire default-test ERROR", 1L,
            TESTNG + " surefire default-test PASSED", 2L,
            TESTNG + " surefire default-test SKIPPED", 1L));

    /** Surefire + Failsafe summary totals of one full build: 6 + 1 (JUnit 5), 7 (JUnit 4), 3 (TestNG). */
    static final MavenLog.TestTotals TOTALS_FIRST_BUILD = new MavenLog.TestTotals(4, 17, 1, 1, 2, 1);
    /** The same without the flake: the flaky test's counter survives in target/. */
    static final MavenLog.TestTotals TOTALS_LATER_BUILD = new MavenLog.TestTotals(4, 17, 1, 1, 2, 0);

    /** Stored results of one build, counted like {@link #OUTCOMES}. */
    static Map<String, Long> outcomes(TelemetryDb db, String buildId) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> row : db.rows(
                "SELECT module, plugin, execution_id, outcome, COUNT(*) AS n FROM test_result"
                        + " WHERE build_id = ? GROUP BY module, plugin, execution_id, outcome",
                buildId)) {
            out.put(
                    row.get("module") + " " + row.get("plugin") + " " + row.get("execution_id") + " "
                            + row.get("outcome"),
                    ((Number) row.get("n")).longValue());
        }
        return out;
    }

    /** Every build id in the store file, oldest first; none when there is no store (each test then says so). */
    static List<String> buildIds(Path store) throws SQLException {
        if (!Files.exists(store)) {
            return List.of();
        }
        try (TelemetryDb db = TelemetryDb.open(store)) {
            return buildIds(db);
        }
    }

    /** Every build id in the store, oldest first. */
    static List<String> buildIds(TelemetryDb db) throws SQLException {
        return db.strings("SELECT id FROM build ORDER BY started_at, id");
    }

    /** The checks of a complete, normal build's Maven log. */
    static void assertCompleteBuild(MavenLog log, MavenLog.TestTotals totals) {
        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.lines()).as("%s", log).contains("[INFO] BUILD SUCCESS");
        assertThat(log.testTotals()).as("%s", log).isEqualTo(totals);
    }

    /** A build with ARD working normally: one summary line, no warning. */
    static void assertRecorded(MavenLog log) {
        assertThat(log.ardInfo()).as("%s", log).hasSize(1);
        assertThat(log.ardWarnings()).as("%s", log).isEmpty();
    }
}
