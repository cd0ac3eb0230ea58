package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several Maven processes, and a parallel (-T 2) build, writing to one store at the same time lose nothing. */
class ConcurrencyIT {

    @Test
    void twoBuildsAtOnceIntoOneSharedStore() throws Exception {
        Path shared = ItEnvironment.work().resolve("concurrency-shared.db").toAbsolutePath();
        java.nio.file.Files.deleteIfExists(shared);
        String store = "-Dard.store=jdbc:sqlite:" + shared;
        // Both builds share the IT repository too: use the resolver's cross-process locks for it.
        String[] repoLocks = {
            "-Daether.syncContext.named.factory=file-lock", "-Daether.syncContext.named.nameMapper=file-gav"
        };

        Sample a = Sample.telemetry("concurrent-a").gitInit();
        Sample b = Sample.telemetry("concurrent-b").gitInit();
        Maven.Running runA = a.maven("verify", store).args(repoLocks).start("build");
        Maven.Running runB = b.maven("verify", "-T", "2", store).args(repoLocks).start("build");
        MavenLog logA = runA.await();
        MavenLog logB = runB.await();

        for (MavenLog log : List.of(logA, logB)) {
            TelemetrySample.assertCompleteBuild(log, TelemetrySample.TOTALS_FIRST_BUILD);
            TelemetrySample.assertRecorded(log);
        }
        try (TelemetryDb db = TelemetryDb.open(shared)) {
            List<String> builds = TelemetrySample.buildIds(db);
            assertThat(builds).hasSize(2);
            for (String id : builds) {
                assertThat(TelemetrySample.outcomes(db, id)).as("build %s", id).isEqualTo(TelemetrySample.OUTCOMES);
            }
            assertThat(db.strings("SELECT commit_sha FROM build ORDER BY commit_sha"))
                    .containsExactlyInAnyOrder(a.head(), b.head());
        }
        assertThat(a.store()).as("nothing in the default store").doesNotExist();
    }
}
