package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.snapshot.ClassChecksum;
import dev.ard.core.impact.snapshot.ModuleSnapshot;
import dev.ard.core.impact.snapshot.SnapshotStore;
import dev.ard.core.telemetry.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.helpers.NOPLogger;

/** Bytecode snapshots shared through a real PostgreSQL store: what one runner keeps, another without a cache reads. */
class SharedSnapshotsTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static EmbeddedPostgres server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ModuleSnapshot snapshot(String module) {
        ClassChecksum foo = new ClassChecksum("com/x/Foo", 61, 42L, Map.of("M run ()V", 2L), Set.of());
        return new ModuleSnapshot(module, COMMIT, "1.0", Map.of(foo.name(), foo), Map.of());
    }

    @Test
    void aRunnerWithoutTheCacheReadsWhatAnotherPutInTheStore() throws Exception {
        StoreConfig store = new StoreConfig(server.getJdbcUrl("postgres", "postgres"), "postgres", null);
        SnapshotStore first = new SnapshotStore(tmp.resolve("runner-1"));
        first.write(snapshot("g:core"));
        first.write(snapshot("g:app"));

        assertThat(SharedSnapshots.share(store, first, COMMIT, List.of("g:core", "g:app"), NOPLogger.NOP_LOGGER))
                .isEqualTo(2);

        SnapshotStore second = new SnapshotStore(tmp.resolve("runner-2"), SharedSnapshots.remote(() -> store));
        assertThat(second.read(COMMIT, "g:app", "1.0").snapshot()).isEqualTo(snapshot("g:app"));
        assertThat(Files.isRegularFile(second.fileFor(COMMIT, "g:app")))
                .as("kept on disk")
                .isTrue();
    }

    @Test
    void aLocalSqliteStoreSharesNothing() throws Exception {
        StoreConfig local = StoreConfig.sqlite(tmp);
        SnapshotStore disk = new SnapshotStore(tmp.resolve("runner"));
        disk.write(snapshot("g:core"));

        assertThat(SharedSnapshots.share(local, disk, COMMIT, List.of("g:core"), NOPLogger.NOP_LOGGER))
                .isZero();
        assertThat(SharedSnapshots.remote(() -> local).fetch(COMMIT)).isEmpty();
        assertThat(Files.exists(tmp.resolve(".ard/telemetry.db")))
                .as("not even opened")
                .isFalse();
        assertThat(new SnapshotStore(tmp.resolve("other"), SharedSnapshots.remote(() -> null))
                        .read(COMMIT, "g:core", "1.0")
                        .problem())
                .endsWith("(neither cached nor in the store)");
    }
}
