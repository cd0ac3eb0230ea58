package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqliteTelemetryStoreTest extends TelemetryStoreContractTest {

    /** Small waits so the lock tests take a fraction of a second. */
    static final StoreOptions QUICK = new StoreOptions(Duration.ofMillis(200), 2, Duration.ofSeconds(1));

    private int stores;

    @Override
    public StoreConfig freshStore() {
        // a directory that does not exist yet: the store creates it
        return StoreConfig.sqlite(tmp.resolve("root-" + stores++));
    }

    @Override
    Connection raw(StoreConfig config) throws SQLException {
        return new org.sqlite.JDBC().connect(config.jdbcUrl(), new Properties());
    }

    static Path fileOf(StoreConfig config) {
        return Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length()));
    }

    @Test
    void createsParentDirectoriesAndUsesWal() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.schemaVersion()).isEqualTo(CURRENT_SCHEMA);
        }
        assertThat(fileOf(config)).isRegularFile();
        try (Connection c = raw(config);
                Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void newerSchemaLeavesTheFileByteForByteUnchanged() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.fullBuild("kept"));
        }
        markNewer(config, CURRENT_SCHEMA + 1);
        byte[] before = Files.readAllBytes(fileOf(config));

        assertThatThrownBy(() -> TelemetryStores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("store schema v" + (CURRENT_SCHEMA + 1) + " is newer than this ARD (v"
                        + CURRENT_SCHEMA + "); upgrade ARD");

        assertThat(Files.readAllBytes(fileOf(config))).isEqualTo(before);
    }

    @Test
    void garbageFileIsReportedAsCorruptAndNeverTouched() throws Exception {
        Path file = tmp.resolve("telemetry.db");
        byte[] garbage = new byte[8192];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
        StoreConfig config = new StoreConfig("jdbc:sqlite:" + file, null, null);

        assertThatThrownBy(() -> TelemetryStores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file + " is not a SQLite database (corrupt?)");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(tmp.resolve("telemetry.db-wal")).doesNotExist();
    }

    @Test
    void fileWithASqliteHeaderButGarbagePagesIsReportedAsCorruptAndNeverTouched() throws Exception {
        // passes ARD's header check, so this is SQLite's own error being translated
        Path file = tmp.resolve("telemetry.db");
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(file, bytes);

        assertThatThrownBy(() -> TelemetryStores.open(new StoreConfig("jdbc:sqlite:" + file, null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a SQLite database (corrupt?)")
                .hasMessageNotContaining("\n");

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void writeWhileAnotherConnectionHoldsTheWriteLockFailsWithLocked() throws Exception {
        StoreConfig config = freshStore();
        TelemetryStores.open(config).close();
        try (Connection holder = raw(config);
                Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            s.execute("INSERT INTO change (build_id, path, kind) SELECT id, 'x', 'y' FROM build"); // holds the lock
            try (TelemetryStore store = TelemetryStores.open(config, QUICK)) {
                assertThatThrownBy(() -> store.write(Fixtures.fullBuild("blocked")))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining(fileOf(config) + " is locked by another writer")
                        .hasMessageContaining("2 tries");
                // readers are not blocked by a writer in WAL mode
                assertThat(store.recentBuilds(1)).isEmpty();
            }
            s.execute("ROLLBACK");
        }
    }

    @Test
    void storeOpenedReadOnlyRefusesWritesWithReadOnly() throws Exception {
        // SQLite's read-only open mode (what SQLite also falls back to when it may not write the file)
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.sparseBuild("existing", Fixtures.T0));
        }
        byte[] before = Files.readAllBytes(fileOf(config));
        StoreConfig readOnly = new StoreConfig(config.jdbcUrl() + "?open_mode=1", null, null);
        try (TelemetryStore store = TelemetryStores.open(readOnly)) {
            assertThat(store.recentBuilds(5)).hasSize(1);
            assertThatThrownBy(() -> store.write(Fixtures.fullBuild("new")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(fileOf(config) + " is read-only");
        }
        assertThat(Files.readAllBytes(fileOf(config))).isEqualTo(before);
    }

    @Test
    void unsupportedUrlIsRejected() {
        assertThatThrownBy(() ->
                        TelemetryStores.open(new StoreConfig("jdbc:mysql://db/x?password=hunter2", "u", "hunter2")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unsupported telemetry store jdbc:mysql://db/x:")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("password");
    }
}
