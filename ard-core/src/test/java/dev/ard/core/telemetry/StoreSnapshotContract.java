package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a store's selection reads see through a {@link StoreSnapshot} (the shards of a CI run read alike), on every
 * store kind: mixed into {@link TelemetryStoreContractTest}.
 */
interface StoreSnapshotContract {

    StoreConfig freshStore() throws Exception;

    String HEAD = "a".repeat(40);
    String OLD = "b".repeat(40);
    String OTHER = "c".repeat(40);
    List<ModuleRun> RUN = List.of(new ModuleRun("m:core", "surefire", "default-test", "reporter", 10, null));

    private static BuildTelemetry build(String id, int minute, String commit, String shard, TestResult... tests) {
        Instant start = Fixtures.T0.plusSeconds(60L * minute);
        BuildRecord record = new BuildRecord(
                id,
                start,
                start.plusSeconds(30),
                List.of("verify"),
                new Checkout("/work/x", commit, "feature/x", false),
                new CiRun("github", null, "run-7", shard),
                Fixtures.TOOLS,
                RecordedMode.SAFE,
                BuildResult.SUCCESS);
        return new BuildTelemetry(record, List.of(), RUN, List.of(tests), List.of());
    }

    private static TestResult passed(String cls, long ms) {
        return Fixtures.result("m:core", cls, "t", ms, Outcome.PASSED, false, null);
    }

    @Test
    default void aSnapshotSeesOnlyBuildsFinishedByItsTimeAndNoneOfItsCommit() throws Exception {
        try (TelemetryStore store = TelemetryStores.open(freshStore())) {
            store.write(build("base", 1, OLD, null, passed("a.ATest", 100)));
            // a sibling shard of the commit being built, finished before the cut: still not seen
            store.write(build(
                    "sibling",
                    2,
                    HEAD,
                    "1/2",
                    Fixtures.result("m:core", "a.ATest", "t", 900, Outcome.FAILED, false, "fp")));
            // another commit's build that finished after the cut
            store.write(build("later", 9, OTHER, null, passed("a.ATest", 500), passed("b.BTest", 50)));
            store.saveModel(Fixtures.T0.plusSeconds(60), "{}", new byte[] {1});
            store.saveModel(Fixtures.T0.plusSeconds(60 * 20), "{}", new byte[] {2});

            assertThat(store.lastGreenBuild("feature/x").orElseThrow().buildId())
                    .isEqualTo("later");
            assertThat(store.testHistory("feature/x", 50).seen()).as("live").hasSize(2);

            // builds finished by minute 5 (base: minute 1 + 30 s; sibling: minute 2 + 30 s, but of HEAD)
            store.readAsOf(StoreSnapshot.beforeCommit(HEAD, Fixtures.T0.plusSeconds(60 * 5)));

            assertThat(store.lastGreenBuild("feature/x").orElseThrow().buildId())
                    .isEqualTo("base");
            TestHistory history = store.testHistory("feature/x", 50);
            assertThat(history.seen()).containsExactly(TestHistory.key("m:core", "a.ATest"));
            assertThat(history.meanDurationMs("m:core", "a.ATest")).isEqualTo(100);
            assertThat(history.lastFailures()).isEmpty();
            Map<String, List<String>> changes = new HashMap<>();
            assertThat(store.classRuns("feature/x", 50, changes))
                    .extracting(ClassRun::buildId)
                    .containsExactly("base");
            assertThat(store.latestModel().orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    default void aShardedBuildIsNeverTheLastGreenBuild() throws Exception {
        try (TelemetryStore store = TelemetryStores.open(freshStore())) {
            store.write(build("whole", 1, OLD, null, passed("a.ATest", 100)));
            store.write(build("shard", 2, HEAD, "2/2", passed("a.ATest", 100)));

            assertThat(store.lastGreenBuild("feature/x").orElseThrow().buildId())
                    .isEqualTo("whole");
            assertThat(store.recentBuilds(1).get(0).build().ci()).isEqualTo(new CiRun("github", null, "run-7", "2/2"));
        }
    }

    @Test
    default void theFirstShardOfARunSetsItsSnapshotTime() throws Exception {
        try (TelemetryStore store = TelemetryStores.open(freshStore())) {
            Instant first = Fixtures.T0;

            RunSnapshot whatIf = new RunSnapshot("run-1", first, null);
            RunSnapshot firstShard = new RunSnapshot("run-1", first.plusSeconds(1), "ARD 1; n=4");

            assertThat(store.runSnapshot(whatIf, false))
                    .as("a what-if stores nothing")
                    .isEqualTo(whatIf);
            assertThat(store.runSnapshot(firstShard, true)).isEqualTo(firstShard);
            assertThat(store.runSnapshot(new RunSnapshot("run-1", first.plusSeconds(60), "ARD 2; n=3"), true))
                    .isEqualTo(firstShard);
            assertThat(store.runSnapshot(whatIf, false)).isEqualTo(firstShard);
            RunSnapshot other = new RunSnapshot("run-2", first.plusSeconds(5), null);
            assertThat(store.runSnapshot(other, true)).isEqualTo(other);
        }
    }

    @Test
    default void aSnapshotRefusesACommitIdThatIsNotOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StoreSnapshot(Instant.EPOCH, "abc' OR '1'='1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
