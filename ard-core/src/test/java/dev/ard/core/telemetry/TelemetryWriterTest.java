package dev.ard.core.telemetry;

import static dev.ard.core.telemetry.SqliteTelemetryStoreTest.QUICK;
import static dev.ard.core.telemetry.SqliteTelemetryStoreTest.fileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.WriteOutcome.Status;
import dev.ard.core.telemetry.store.SpoolDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryWriterTest {

    @TempDir
    Path tmp;

    private StoreConfig config() {
        return StoreConfig.sqlite(tmp.resolve("root"));
    }

    private Path spoolDir() {
        return tmp.resolve("root/.ard/pending");
    }

    private static Connection raw(StoreConfig config) throws SQLException {
        return new org.sqlite.JDBC().connect(config.jdbcUrl(), new Properties());
    }

    private List<String> spoolFiles() throws Exception {
        if (!Files.isDirectory(spoolDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesToAWorkingStore() throws Exception {
        WriteOutcome outcome = TelemetryWriter.write(config(), Fixtures.fullBuild("a"), spoolDir());

        assertThat(outcome).isEqualTo(new WriteOutcome(Status.WRITTEN, 0, null));
        try (Connection c = raw(config())) {
            assertThat(StoreRows.buildIds(c)).containsExactly("a");
        }
    }

    @Test
    void corruptStoreSpoolsTheBuildAndTheNextWorkingStoreGetsIt() throws Exception {
        Path file = fileOf(config());
        Files.createDirectories(file.getParent());
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);
        BuildTelemetry first = Fixtures.fullBuild("first");

        WriteOutcome spooled = TelemetryWriter.write(config(), first, spoolDir());

        assertThat(spooled.status()).isEqualTo(Status.SPOOLED);
        assertThat(spooled.reason())
                .contains("is not a SQLite database (corrupt?)")
                .contains("first.json")
                .doesNotContain("\n");
        assertThat(spoolFiles()).containsExactly("first.json");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);

        // the user replaces the corrupt file with a good store
        StoreConfig good = StoreConfig.sqlite(tmp.resolve("elsewhere"));
        TelemetryStores.open(good).close();
        Files.move(fileOf(good), file, StandardCopyOption.REPLACE_EXISTING);

        WriteOutcome written = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("second", Fixtures.T0.plusSeconds(60)), spoolDir());

        assertThat(written).isEqualTo(new WriteOutcome(Status.WRITTEN, 1, null));
        assertThat(spoolFiles()).isEmpty();
        try (Connection c = raw(config())) {
            assertThat(StoreRows.buildIds(c)).containsExactlyInAnyOrder("first", "second");
            assertSameRows(StoreRows.read(c, "first"), first); // every field survived the JSON spool
        }
    }

    @Test
    void lockedStoreSpoolsTheBuildAndNothingIsLost() throws Exception {
        TelemetryStores.open(config()).close();
        BuildTelemetry blocked = Fixtures.fullBuild("blocked");
        try (Connection holder = raw(config());
                Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("DELETE FROM change"); // a write: the lock is really held

            WriteOutcome outcome = TelemetryWriter.write(config(), blocked, spoolDir(), QUICK);

            assertThat(outcome.status()).isEqualTo(Status.SPOOLED);
            assertThat(outcome.reason()).contains("is locked by another writer");
            s.execute("COMMIT");
        }
        assertThat(spoolFiles()).containsExactly("blocked.json");

        WriteOutcome next = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("next", Fixtures.T0.plusSeconds(99)), spoolDir(), QUICK);

        assertThat(next).isEqualTo(new WriteOutcome(Status.WRITTEN, 1, null));
        try (Connection c = raw(config())) {
            assertThat(StoreRows.buildIds(c)).containsExactlyInAnyOrder("blocked", "next");
            assertSameRows(StoreRows.read(c, "blocked"), blocked);
        }
    }

    @Test
    void spooledBuildsAreWrittenOldestFirst() throws Exception {
        SpoolDirectory spool = new SpoolDirectory(spoolDir());
        // file names sort the other way round than the start times
        spool.spool(Fixtures.sparseBuild("a-newest", Fixtures.T0.plusSeconds(30)));
        spool.spool(Fixtures.sparseBuild("b-middle", Fixtures.T0.plusSeconds(20)));
        spool.spool(Fixtures.sparseBuild("c-oldest", Fixtures.T0.plusSeconds(10)));

        WriteOutcome outcome = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("current", Fixtures.T0.plusSeconds(40)), spoolDir());

        assertThat(outcome).isEqualTo(new WriteOutcome(Status.WRITTEN, 3, null));
        List<String> insertionOrder = new ArrayList<>();
        try (Connection c = raw(config());
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM build ORDER BY rowid")) {
            while (rs.next()) {
                insertionOrder.add(rs.getString(1));
            }
        }
        assertThat(insertionOrder).containsExactly("c-oldest", "b-middle", "a-newest", "current");
    }

    @Test
    void unparseableSpoolFileIsSetAsideAndReported() throws Exception {
        new SpoolDirectory(spoolDir()).spool(Fixtures.sparseBuild("fine", Fixtures.T0));
        Path broken = spoolDir().resolve("broken.json");
        Files.writeString(broken, "{\"v\":1,\"telemetry\":{\"build\":");

        WriteOutcome outcome = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("current", Fixtures.T0.plusSeconds(1)), spoolDir());

        assertThat(outcome.status()).isEqualTo(Status.WRITTEN);
        assertThat(outcome.flushedFromSpool()).isEqualTo(1);
        assertThat(outcome.reason()).contains("set aside as broken.json.bad");
        assertThat(spoolFiles()).containsExactly("broken.json.bad");
        assertThat(spoolDir().resolve("broken.json.bad")).hasContent("{\"v\":1,\"telemetry\":{\"build\":");
    }

    @Test
    void replayingASpoolFileOfAStoredBuildDuplicatesNothing() throws Exception {
        // a crash after writing a spooled build but before deleting its file
        BuildTelemetry done = Fixtures.fullBuild("done");
        try (TelemetryStore store = TelemetryStores.open(config())) {
            store.write(done);
        }
        new SpoolDirectory(spoolDir()).spool(done);

        WriteOutcome outcome = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("later", Fixtures.T0.plusSeconds(500)), spoolDir());

        assertThat(outcome).isEqualTo(new WriteOutcome(Status.WRITTEN, 1, null));
        assertThat(spoolFiles()).isEmpty();
        try (Connection c = raw(config())) {
            assertThat(StoreRows.count(c, "build")).isEqualTo(2);
            assertThat(StoreRows.count(c, "test_result")).isEqualTo(done.tests().size());
        }
    }

    @Test
    void invalidTelemetryFailsAndIsNotSpooled() throws Exception {
        BuildTelemetry noStart = Fixtures.sparseBuild("x", null);

        WriteOutcome outcome = TelemetryWriter.write(config(), noStart, spoolDir());

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("telemetry not recorded: build x has no start time");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void storeAndSpoolBothFailingIsFailedWithBothCauses() throws Exception {
        Path file = fileOf(config());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a database at all, just text that is long enough");
        Path spoolIsAFile = tmp.resolve("spool-file");
        Files.writeString(spoolIsAFile, "x");

        WriteOutcome outcome = TelemetryWriter.write(config(), Fixtures.fullBuild("lost"), spoolIsAFile);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).contains("(corrupt?)").contains("could not spool the build to " + spoolIsAFile);
    }

    @Test
    void neverThrowsEvenForAnUnusableConfig() {
        WriteOutcome outcome =
                TelemetryWriter.write(new StoreConfig(null, null, null), Fixtures.fullBuild("y"), spoolDir());

        assertThat(outcome.status()).isEqualTo(Status.SPOOLED);
        assertThat(outcome.reason()).startsWith("no telemetry store configured");
    }

    /** Child rows come back in no particular order. */
    static void assertSameRows(BuildTelemetry stored, BuildTelemetry expected) {
        assertThat(stored.build()).isEqualTo(expected.build());
        assertThat(stored.changes()).containsExactlyInAnyOrderElementsOf(expected.changes());
        assertThat(stored.moduleRuns()).containsExactlyInAnyOrderElementsOf(expected.moduleRuns());
        assertThat(stored.tests()).containsExactlyInAnyOrderElementsOf(expected.tests());
        assertThat(stored.mojos()).containsExactlyInAnyOrderElementsOf(expected.mojos());
    }
}
