package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A store ARD cannot write never changes the build: the result is the same, every test runs, ARD
 * says why in one WARN line, keeps the build in .ard/pending/, and loses nothing already stored.
 */
class StoreFaultIT {

    @Test
    void corruptStoreIsLeftAloneAndTheBuildIsSpooled() throws Exception {
        Sample sample = Sample.telemetry("corrupt-store").gitInit();
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.createDirectories(sample.store().getParent());
        Files.write(sample.store(), garbage);

        MavenLog log = sample.maven("verify").run("build");

        assertFaultHandled(log, sample, "is not a SQLite database");
        assertThat(Files.readAllBytes(sample.store()))
                .as("the corrupt store is byte-identical")
                .isEqualTo(garbage);
    }

    /**
     * The store waits its normal busy timeout (3 tries of 10 s: no property shortens it), so this
     * build takes about 30 s longer than the others.
     */
    @Test
    void storeLockedByAnotherProcessIsWaitedForThenSpooled() throws Exception {
        Sample sample = Sample.telemetry("locked-store").gitInit();
        MavenLog before = sample.maven("verify").run("build1");
        TelemetrySample.assertRecorded(before);

        MavenLog log;
        try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + sample.store());
                Statement st = lock.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            log = sample.maven("verify").run("build2");
            st.execute("ROLLBACK");
        }

        // The second build of this copy: the flaky test's counter is there already, so no flake.
        assertFaultHandled(log, sample, TelemetrySample.TOTALS_LATER_BUILD, "is locked by another writer");
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            List<String> builds = TelemetrySample.buildIds(db);
            assertThat(builds).as("the build stored before the lock").hasSize(1);
            assertThat(TelemetrySample.outcomes(db, builds.get(0))).isEqualTo(TelemetrySample.OUTCOMES);
        }
    }

    @Test
    void unreachablePostgresqlIsReportedAndTheBuildSpooled() throws Exception {
        Sample sample = Sample.telemetry("postgres-unreachable").gitInit();
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        MavenLog log = sample.maven("verify", "-Dard.store=jdbc:postgresql://127.0.0.1:1/x")
                .run("build");

        assertFaultHandled(log, sample, "jdbc:postgresql://127.0.0.1:1/x is unreachable");
    }

    private static void assertFaultHandled(MavenLog log, Sample sample, String cause) throws Exception {
        assertFaultHandled(log, sample, TelemetrySample.TOTALS_FIRST_BUILD, cause);
    }

    private static void assertFaultHandled(MavenLog log, Sample sample, MavenLog.TestTotals totals, String cause)
            throws Exception {
        TelemetrySample.assertCompleteBuild(log, totals);
        assertThat(log.ardWarnings()).as("%s", log).singleElement().asString().containsIgnoringCase(cause);
        assertThat(pendingFiles(sample)).as("spooled builds").singleElement().satisfies(file -> {
            String json = Files.readString(file);
            assertThat(json).startsWith("{").contains(TelemetrySample.UNICODE_METHOD);
        });
    }

    static List<Path> pendingFiles(Sample sample) throws Exception {
        if (!Files.isDirectory(sample.pending())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sample.pending())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .toList();
        }
    }
}
