package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A module that configures its own statelessTestsetReporter keeps it; ARD then reads the results
 * from TEST-*.xml instead of its reporter. Both paths must store the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportParityIT {
    private static final String ROWS =
            "SELECT class_name, method_name, outcome, reruns, flaky, failure_type, failure_fingerprint"
                    + " FROM test_result WHERE build_id = ? AND module = ? ORDER BY class_name, method_name";

    private Sample sample;
    private MavenLog viaReporter;
    private MavenLog viaXml;
    private List<String> builds;

    @BeforeAll
    void buildTheJUnit4ModuleBothWays() throws Exception {
        sample = Sample.telemetry(getClass().getSimpleName()).gitInit();
        viaReporter = sample.maven("verify", "-pl", "junit4-tests").run("reporter");
        viaXml = sample.maven("verify", "-pl", "junit4-tests", "-Dsample.ownReporter")
                .run("xml");
        builds = TelemetrySample.buildIds(sample.store());
    }

    @Test
    void bothBuildsRanEveryTestAndWereRecorded() {
        for (MavenLog log : List.of(viaReporter, viaXml)) {
            assertThat(log.exitCode()).as("%s", log).isZero();
            assertThat(log.testTotals()).as("%s", log).isEqualTo(new MavenLog.TestTotals(1, 7, 1, 1, 0, 0));
            TelemetrySample.assertRecorded(log);
        }
        assertThat(builds).hasSize(2);
    }

    @Test
    void theOwnReporterIsKeptAndTheXmlIsRead() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            assertThat(db.strings("SELECT source FROM module_run WHERE build_id = ?", builds.get(0)))
                    .containsExactly("reporter");
            assertThat(db.strings("SELECT source FROM module_run WHERE build_id = ?", builds.get(1)))
                    .containsExactly("xml");
        }
    }

    @Test
    void xmlFallbackStoresTheSameRowsAsTheReporter() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            List<Map<String, Object>> reporterRows = db.rows(ROWS, builds.get(0), TelemetrySample.JUNIT4);
            List<Map<String, Object>> xmlRows = db.rows(ROWS, builds.get(1), TelemetrySample.JUNIT4);
            assertThat(reporterRows).hasSize(7);
            assertThat(xmlRows).isEqualTo(reporterRows);
            assertThat(db.number(
                            "SELECT COUNT(*) FROM test_result WHERE build_id = ? AND duration_ms < 0", builds.get(1)))
                    .isZero();
            assertThat(db.number(
                            "SELECT duration_ms FROM test_result WHERE build_id = ? AND class_name = ?",
                            builds.get(1),
                            TelemetrySample.SLOW_CLASS))
                    .isGreaterThanOrEqualTo(500);
        }
    }
}
