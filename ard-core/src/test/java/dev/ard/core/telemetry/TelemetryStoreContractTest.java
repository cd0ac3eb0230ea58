package dev.ard.core.telemetry;

import static dev.ard.core.telemetry.Fixtures.buildWith;
import static dev.ard.core.telemetry.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import dev.ard.core.telemetry.TelemetryStore.MethodStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every store dialect must do; SQLite and PostgreSQL subclasses provide fresh stores. */
abstract class TelemetryStoreContractTest implements StoreSnapshotContract, InsightFactsContract {

    @TempDir
    Path tmp;

    /** A new, empty store that nobody has opened yet. */
    @Override
    public abstract StoreConfig freshStore() throws Exception;

    /** A plain JDBC connection to the store, bypassing ARD's code. */
    abstract Connection raw(StoreConfig config) throws SQLException;

    static final int CURRENT_SCHEMA = 6;

    @Test
    void roundTripOfEveryFieldWithHostileNames() throws Exception {
        StoreConfig config = freshStore();
        BuildTelemetry full = Fixtures.fullBuild("0f8fad5b-d9cb-469f-a165-70867728950e");
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(full);
            assertThat(store.recentBuilds(5)).extracting(BuildSummary::build).containsExactly(full.build());
        }
        try (Connection c = raw(config)) {
            BuildTelemetry stored = StoreRows.read(c, full.build().id());
            assertThat(stored.build()).isEqualTo(full.build());
            assertThat(stored.changes()).containsExactlyInAnyOrderElementsOf(full.changes());
            assertThat(stored.moduleRuns()).containsExactlyInAnyOrderElementsOf(full.moduleRuns());
            assertThat(stored.tests()).containsExactlyInAnyOrderElementsOf(full.tests());
            assertThat(stored.mojos()).containsExactlyInAnyOrderElementsOf(full.mojos());
            assertThat(stored.selections()).containsExactlyInAnyOrderElementsOf(full.selections());
        }
    }

    @Test
    void bytecodeSnapshotsRoundTripPerCommitAndOnlyTheNewestCommitsStay() throws Exception {
        StoreConfig config = freshStore();
        byte[] core = {1, 2, 3, 0, -1};
        byte[] app = new byte[70_000];
        new java.util.Random(7).nextBytes(app);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.saveBytecodeSnapshots("a".repeat(40), Map.of("g:core", new byte[] {9}, "g:app", app));
            store.saveBytecodeSnapshots("a".repeat(40), Map.of("g:core", core)); // replaces that module only
            assertThat(store.bytecodeSnapshots("a".repeat(40)))
                    .containsOnlyKeys("g:app", "g:core")
                    .hasEntrySatisfying("g:core", b -> assertThat(b).isEqualTo(core))
                    .hasEntrySatisfying("g:app", b -> assertThat(b).isEqualTo(app));
            assertThat(store.bytecodeSnapshots("b".repeat(40))).isEmpty();
            for (int i = 0; i < 200; i++) {
                store.saveBytecodeSnapshots(String.format(java.util.Locale.ROOT, "%040x", i), Map.of("g:core", core));
            }
            // 201 commits written: the oldest is pruned, the newest 200 stay
            assertThat(store.bytecodeSnapshots("a".repeat(40))).isEmpty();
            assertThat(store.bytecodeSnapshots(String.format(java.util.Locale.ROOT, "%040x", 0)))
                    .containsOnlyKeys("g:core");
        }
    }

    @Test
    void nullOptionalFieldsRoundTrip() throws Exception {
        StoreConfig config = freshStore();
        BuildTelemetry sparse = Fixtures.sparseBuild("sparse-1", Fixtures.T0);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(sparse);
            assertThat(store.recentBuilds(1)).containsExactly(new BuildSummary(sparse.build(), 0, 0, 0, 0, 0));
        }
        try (Connection c = raw(config)) {
            assertThat(StoreRows.read(c, "sparse-1")).isEqualTo(sparse);
        }
    }

    @Test
    void sameBuildWrittenTwiceIsStoredOnce() throws Exception {
        StoreConfig config = freshStore();
        BuildTelemetry full = Fixtures.fullBuild("twice");
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(full);
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(full); // e.g. a spool replayed after a crash mid-flush
        }
        try (Connection c = raw(config)) {
            assertThat(StoreRows.count(c, "build")).isEqualTo(1);
            assertThat(StoreRows.count(c, "test_result")).isEqualTo(full.tests().size());
            assertThat(StoreRows.count(c, "change")).isEqualTo(full.changes().size());
        }
    }

    @Test
    void invalidTelemetryIsRejectedWithTheReason() throws Exception {
        StoreConfig config = freshStore();
        BuildTelemetry noMethod = buildWith("bad", Fixtures.T0, result("m", "C", null, 1, Outcome.PASSED, false, null));
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThatThrownBy(() -> store.write(noMethod))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("invalid telemetry")
                    .hasMessageContaining("C#null");
            assertThat(store.recentBuilds(5)).isEmpty();
        }
    }

    @Test
    void freshStoreIsAtTheCurrentVersionAndReopeningIsANoOp() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.schemaVersion()).isEqualTo(CURRENT_SCHEMA);
        }
        List<String> before = schemaVersionRows(config);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.schemaVersion()).isEqualTo(CURRENT_SCHEMA);
        }
        assertThat(schemaVersionRows(config)).isEqualTo(before).hasSize(CURRENT_SCHEMA);
    }

    @Test
    void storeWithANewerSchemaIsRefusedAndLeftAlone() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.fullBuild("kept"));
        }
        markNewer(config, 99);
        List<String> before = schemaVersionRows(config);

        assertThatThrownBy(() -> TelemetryStores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "store schema v99 is newer than this ARD (v" + CURRENT_SCHEMA + "); upgrade ARD");

        assertThat(schemaVersionRows(config)).isEqualTo(before);
        try (Connection c = raw(config)) {
            assertThat(StoreRows.buildIds(c)).containsExactly("kept");
        }
    }

    static void markNewer(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, 'future', 0)")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }

    void markNewer(StoreConfig config, int version) throws SQLException {
        try (Connection c = raw(config)) {
            markNewer(c, version);
        }
    }

    List<String> schemaVersionRows(StoreConfig config) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = raw(config);
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "SELECT version, description, applied_at FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getLong(3));
            }
        }
        return rows;
    }

    // ---- stats queries over a known history (expected values worked out by hand in the comments) ----

    private static final String MA = "m:a";
    private static final String MB = "m:b";

    /** B0 (no tests) < B1 < B2 < B3 in time. */
    private StoreConfig history() throws Exception {
        StoreConfig config = freshStore();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.sparseBuild("b0", t));
            store.write(buildWith(
                    "b1",
                    t.plusSeconds(1000),
                    result(MA, "A", "slow", 100, Outcome.PASSED, false, null),
                    result(MA, "A", "fast", 10, Outcome.PASSED, false, null),
                    result(MA, "B", "x", 50, Outcome.FAILED, false, "f1"),
                    result(MA, "C", "flaky", 40, Outcome.PASSED, true, "c1"),
                    result(MA, "D", "once", 15, Outcome.PASSED, true, "d1")));
            store.write(buildWith(
                    "b2",
                    t.plusSeconds(2000),
                    result(MA, "A", "slow", 300, Outcome.PASSED, false, null),
                    result(MA, "A", "fast", 30, Outcome.PASSED, false, null),
                    result(MA, "B", "x", 70, Outcome.FAILED, false, "f2"),
                    result(MA, "B", "y", 5, Outcome.ERROR, false, "y2"),
                    result(MA, "C", "flaky", 60, Outcome.PASSED, true, "c2"),
                    result(MB, "A", "slow", 1000, Outcome.PASSED, false, null)));
            store.write(buildWith(
                    "b3",
                    t.plusSeconds(3000),
                    result(MA, "A", "slow", 0, Outcome.SKIPPED_BY_SELECTION, false, null),
                    result(MA, "A", "fast", 0, Outcome.SKIPPED_BY_SELECTION, false, null),
                    result(MA, "B", "x", 60, Outcome.PASSED, false, null),
                    result(MA, "B", "y", 0, Outcome.SKIPPED, false, null),
                    result(MA, "C", "flaky", 20, Outcome.FAILED, false, "c3")));
        }
        return config;
    }

    @Test
    void recentBuildsNewestFirstWithCounts() throws Exception {
        StoreConfig config = history();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            List<BuildSummary> all = store.recentBuilds(10);
            assertThat(all).extracting(s -> s.build().id()).containsExactly("b3", "b2", "b1", "b0");
            // tests = everything Surefire reported (not SKIPPED_BY_SELECTION); failed = FAILED + ERROR
            assertThat(all)
                    .extracting(s ->
                            List.of(s.tests(), s.failed(), s.skipped(), s.skippedBySelection(), (int) s.testTimeMs()))
                    .containsExactly(
                            List.of(3, 1, 1, 2, 80),
                            List.of(6, 2, 0, 0, 1465),
                            List.of(5, 1, 0, 0, 215),
                            List.of(0, 0, 0, 0, 0));
            assertThat(all.get(1).build().checkout().commit()).isEqualTo("c-b2");
            assertThat(store.recentBuilds(2)).extracting(s -> s.build().id()).containsExactly("b3", "b2");
        }
    }

    @Test
    void slowestClassesByMeanDurationOverTheBuildsTheyRanIn() throws Exception {
        StoreConfig config = history();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            // m:a A: 110 (b1) + 330 (b2), left out by selection in b3 → 2 builds, mean 220
            // m:a B: 50 + 75 + 60 = 185 over 3 builds → 61 (integer mean); failures: b1 x, b2 x and y
            assertThat(store.slowestClasses(10, 3))
                    .containsExactly(
                            new ClassStats(MB, "A", 1, 1000, 0),
                            new ClassStats(MA, "A", 2, 220, 0),
                            new ClassStats(MA, "B", 3, 61, 3),
                            new ClassStats(MA, "C", 3, 40, 1),
                            new ClassStats(MA, "D", 1, 15, 0));
            assertThat(store.slowestClasses(2, 3))
                    .extracting(ClassStats::module, ClassStats::className)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(MB, "A"), org.assertj.core.groups.Tuple.tuple(MA, "A"));
            // only b3: A was not run at all there
            assertThat(store.slowestClasses(10, 1))
                    .containsExactly(new ClassStats(MA, "B", 1, 60, 0), new ClassStats(MA, "C", 1, 20, 1));
        }
    }

    @Test
    void mostFailingMethodsWithTheirNewestFingerprint() throws Exception {
        StoreConfig config = history();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            // B.x: ran 3 times, failed in b1 and b2; b3 passed without a fingerprint → newest is f2
            // B.y: ERROR in b2, SKIPPED in b3 (not a run)
            assertThat(store.mostFailing(10, 3))
                    .containsExactly(
                            new MethodStats(MA, "B", "x", 3, 2, 0, "f2"),
                            new MethodStats(MA, "C", "flaky", 3, 1, 2, "c3"),
                            new MethodStats(MA, "B", "y", 1, 1, 0, "y2"));
            assertThat(store.mostFailing(1, 3))
                    .extracting(MethodStats::methodName)
                    .containsExactly("x");
            assertThat(store.mostFailing(10, 1)).containsExactly(new MethodStats(MA, "C", "flaky", 1, 1, 0, "c3"));
        }
    }

    @Test
    void flakiestMethods() throws Exception {
        StoreConfig config = history();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.flakiest(10, 3))
                    .containsExactly(
                            new MethodStats(MA, "C", "flaky", 3, 1, 2, "c3"),
                            new MethodStats(MA, "D", "once", 1, 0, 1, "d1"));
            assertThat(store.flakiest(10, 2)).containsExactly(new MethodStats(MA, "C", "flaky", 2, 1, 1, "c3"));
            assertThat(store.flakiest(10, 1)).isEmpty();
        }
    }

    // ---- concurrency ----

    static final int PER_WRITER = 50;

    /** Extra environment for child writers (the password, for PostgreSQL). */
    Map<String, String> childEnv(StoreConfig config) {
        Map<String, String> env = new HashMap<>();
        if (config.password() != null) {
            env.put("ARD_TEST_STORE_PASSWORD", config.password());
        }
        return env;
    }

    @Test
    void twoProcessesAndFourThreadsWritingAtOnceLoseNothing() throws Exception {
        StoreConfig config = freshStore(); // not created yet: the first openers race to migrate, too
        Path go = tmp.resolve("go");
        List<ChildJvm> children = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Path readyFile = tmp.resolve("ready-" + p);
            ready.add(readyFile);
            children.add(ChildJvm.start(
                    List.of(),
                    StoreWriterProcess.class,
                    childEnv(config),
                    tmp.resolve("child-" + p + ".log"),
                    config.jdbcUrl(),
                    config.user() == null ? "-" : config.user(),
                    "proc" + p,
                    Integer.toString(PER_WRITER),
                    readyFile.toString(),
                    go.toString()));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                String prefix = "thread" + t;
                futures.add(threads.submit(() -> {
                    awaitFile(go);
                    StoreWriterProcess.writeBuilds(config, prefix, PER_WRITER);
                    return null;
                }));
            }
            for (Path readyFile : ready) {
                awaitFile(readyFile);
            }
            Files.createFile(go);
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            for (ChildJvm child : children) {
                assertThat(child.awaitSuccess()).contains("wrote " + PER_WRITER + " builds");
            }
        } finally {
            threads.shutdownNow();
        }
        Set<String> expected = new TreeSet<>();
        for (String prefix : List.of("proc0", "proc1", "thread0", "thread1", "thread2", "thread3")) {
            for (int i = 0; i < PER_WRITER; i++) {
                expected.add(prefix + "-" + i);
            }
        }
        try (Connection c = raw(config)) {
            assertThat(new TreeSet<>(StoreRows.buildIds(c))).isEqualTo(expected);
            assertThat(StoreRows.count(c, "test_result")).isEqualTo(3L * expected.size());
            assertThat(StoreRows.count(c, "change")).isEqualTo(expected.size());
            assertThat(StoreRows.count(c, "schema_version")).isEqualTo(CURRENT_SCHEMA);
        }
    }

    @Test
    void sameBuildWrittenByFourWritersAtOnceIsStoredOnce() throws Exception {
        // e.g. two builds flushing the same spool file; on PostgreSQL the losers hit the primary key
        StoreConfig config = freshStore();
        TelemetryStores.open(config).close();
        BuildTelemetry build = Fixtures.fullBuild("contended");
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(threads.submit(() -> {
                    try (TelemetryStore store = TelemetryStores.open(config)) {
                        start.await(30, TimeUnit.SECONDS);
                        store.write(build);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection c = raw(config)) {
            assertThat(StoreRows.buildIds(c)).containsExactly("contended");
            assertThat(StoreRows.count(c, "test_result"))
                    .isEqualTo(build.tests().size());
        }
    }

    static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + file);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aVersion1StoreIsMigratedWithItsRowsKept() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.smallBuild("from-v1", Fixtures.T0, 3));
        }
        try (Connection c = raw(config);
                java.sql.Statement s = c.createStatement()) {
            // back to what ARD 0.1 (schema v1) left behind
            s.executeUpdate("DROP TABLE selection");
            s.executeUpdate("DROP TABLE model");
            s.executeUpdate("DROP TABLE run_snapshot");
            s.executeUpdate("DROP TABLE impact_fact");
            s.executeUpdate("DROP TABLE bytecode_snapshot");
            s.executeUpdate("DROP INDEX build_run_id");
            s.executeUpdate("ALTER TABLE build DROP COLUMN run_id");
            s.executeUpdate("ALTER TABLE build DROP COLUMN shard");
            s.executeUpdate("ALTER TABLE build DROP COLUMN saved_ms");
            s.executeUpdate("DROP INDEX test_result_test");
            s.executeUpdate("CREATE INDEX test_result_test ON test_result (module, class_name, method_name)");
            s.executeUpdate("DELETE FROM schema_version WHERE version >= 2");
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.schemaVersion()).isEqualTo(CURRENT_SCHEMA);
            store.write(Fixtures.fullBuild("on-v2"));
        }
        try (Connection c = raw(config)) {
            assertThat(StoreRows.read(c, "from-v1").tests()).hasSize(3);
            assertThat(StoreRows.read(c, "on-v2").selections()).hasSize(2);
        }
    }

    private static BuildTelemetry branchBuild(
            String id,
            int minute,
            String branch,
            RecordedMode mode,
            BuildResult result,
            List<Change> dirty,
            List<ModuleRun> runs,
            TestResult... tests) {
        Instant start = Fixtures.T0.plusSeconds(60L * minute);
        BuildRecord build = new BuildRecord(
                id,
                start,
                start.plusSeconds(30),
                List.of("verify"),
                new Checkout("/work/x", "sha-" + id, branch, !dirty.isEmpty()),
                CiRun.LOCAL,
                Fixtures.TOOLS,
                mode,
                result);
        return new BuildTelemetry(build, dirty, runs, List.of(tests), List.of());
    }

    private static final List<ModuleRun> CORE_RUN =
            List.of(new ModuleRun("m:core", "surefire", "default-test", "reporter", 10, null));

    @Test
    void lastGreenBuildIsTheNewestSuccessfulFullOrSelectedRunWithoutFailuresOnThatBranch() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(branchBuild(
                    "green-old",
                    1,
                    "feature/x",
                    RecordedMode.ALL,
                    BuildResult.SUCCESS,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.ATest", "t", 5, Outcome.PASSED, false, null)));
            store.write(branchBuild(
                    "green-dirty",
                    2,
                    "feature/x",
                    RecordedMode.SAFE,
                    BuildResult.SUCCESS,
                    List.of(new Change("core/src/main/java/a/A.java", "MODIFIED")),
                    CORE_RUN,
                    result("m:core", "a.ATest", "t", 5, Outcome.PASSED, false, null)));
            // none of these may be a base: a failed test, a failed build, -Dtest, no test run, another branch
            store.write(branchBuild(
                    "red-test",
                    3,
                    "feature/x",
                    RecordedMode.SAFE,
                    BuildResult.SUCCESS,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.ATest", "t", 5, Outcome.FAILED, false, "fp")));
            store.write(branchBuild(
                    "red-build", 4, "feature/x", RecordedMode.ALL, BuildResult.FAILURE, List.of(), CORE_RUN));
            store.write(branchBuild(
                    "user",
                    5,
                    "feature/x",
                    RecordedMode.USER,
                    BuildResult.SUCCESS,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.ATest", "t", 5, Outcome.PASSED, false, null)));
            store.write(branchBuild(
                    "compile-only", 6, "feature/x", RecordedMode.ALL, BuildResult.SUCCESS, List.of(), List.of()));
            store.write(
                    branchBuild("other-branch", 7, "main", RecordedMode.ALL, BuildResult.SUCCESS, List.of(), CORE_RUN));

            GreenBuild green = store.lastGreenBuild("feature/x").orElseThrow();
            assertThat(green.buildId()).isEqualTo("green-dirty");
            assertThat(green.commit()).isEqualTo("sha-green-dirty");
            assertThat(green.dirtyPaths()).containsExactly("core/src/main/java/a/A.java");
            assertThat(green.testedModules()).containsExactly("m:core");
            assertThat(store.lastGreenBuild("nope")).isEmpty();
            assertThat(store.lastGreenBuild(null)).isEmpty();
        }
    }

    @Test
    void aBuildWhoseOnlyFailuresWereQuarantinedIsStillAGreenBase() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(branchBuild(
                    "quarantined-failure",
                    1,
                    "feature/x",
                    RecordedMode.SAFE,
                    BuildResult.SUCCESS,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.ATest", "t", 5, Outcome.PASSED, false, null),
                    new TestResult(
                            "m:core",
                            "surefire",
                            TestResult.QUARANTINE_EXECUTION_PREFIX + "default-test",
                            "a.FlakyTest",
                            "t",
                            5,
                            Outcome.FAILED,
                            0,
                            false,
                            "java.lang.AssertionError",
                            "fp")));

            assertThat(store.lastGreenBuild("feature/x").orElseThrow().buildId())
                    .isEqualTo("quarantined-failure");
        }
    }

    @Test
    void historyKnowsSeenClassesTheirDurationAndTheirLastFailureOnTheBranch() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(branchBuild(
                    "b1",
                    1,
                    "feature/x",
                    RecordedMode.ALL,
                    BuildResult.FAILURE,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.FixedTest", "t", 100, Outcome.FAILED, false, "fp"),
                    result("m:core", "a.StillBrokenTest", "t", 10, Outcome.ERROR, false, "fp"),
                    result("m:core", "a.StillBrokenTest", "u", 10, Outcome.PASSED, false, null),
                    result("m:core", "a.GoodTest", "t", 300, Outcome.PASSED, false, null)));
            store.write(branchBuild(
                    "b2",
                    2,
                    "feature/x",
                    RecordedMode.SAFE,
                    BuildResult.SUCCESS,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.FixedTest", "t", 200, Outcome.PASSED, false, null),
                    // skipped by selection: neither a run nor a fix
                    new TestResult(
                            "m:core",
                            "surefire",
                            "default-test",
                            "a.StillBrokenTest",
                            "",
                            0,
                            Outcome.SKIPPED_BY_SELECTION,
                            0,
                            false,
                            null,
                            null)));
            store.write(branchBuild(
                    "b3",
                    3,
                    "main",
                    RecordedMode.ALL,
                    BuildResult.FAILURE,
                    List.of(),
                    CORE_RUN,
                    result("m:core", "a.MainOnlyTest", "t", 7, Outcome.FAILED, false, "fp")));

            TestHistory history = store.testHistory("feature/x", 50);
            assertThat(history.seen("m:core", "a.FixedTest")).isTrue();
            assertThat(history.seen("m:core", "a.MainOnlyTest")).isTrue();
            assertThat(history.seen("m:core", "a.NewTest")).isFalse();
            assertThat(history.lastFailure("m:core", "a.StillBrokenTest")).isEqualTo(Outcome.ERROR);
            assertThat(history.lastFailure("m:core", "a.FixedTest")).isNull();
            assertThat(history.lastFailure("m:core", "a.MainOnlyTest")).isNull();
            assertThat(history.meanDurationMs("m:core", "a.FixedTest")).isEqualTo(150);
            assertThat(history.meanDurationMs("m:core", "a.GoodTest")).isEqualTo(300);
            assertThat(history.meanDurationMs("m:core", "a.NewTest")).isEqualTo(-1);
            assertThat(store.testHistory(null, 50).lastFailures()).isEmpty();
        }
    }

    @Test
    void perClassHistoryFoldsMethodsSkipsSelectionAndKeepsChanges() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.fullBuild("full"));
            store.write(Fixtures.smallBuild("older", Fixtures.T0.minusSeconds(60), 4));
            java.util.Map<String, List<String>> changes = new java.util.HashMap<>();
            List<ClassRun> runs = store.classRuns(null, 10, changes);

            assertThat(runs).extracting(ClassRun::buildId).startsWith("older").endsWith("full");
            ClassRun emoji = runs.stream()
                    .filter(r -> r.className().equals("com.acme.EmojiTest"))
                    .findFirst()
                    .orElseThrow();
            assertThat(emoji.failed()).isTrue();
            assertThat(emoji.flaky()).isTrue();
            assertThat(emoji.durationMs()).isEqualTo(353);
            assertThat(emoji.startedAt()).isEqualTo(Fixtures.T0);
            assertThat(runs).extracting(ClassRun::className).doesNotContain("com.acme.SlowIT"); // skipped by selection
            assertThat(runs.stream()
                            .filter(r -> r.className().equals("com.acme.SkipTest"))
                            .findFirst()
                            .orElseThrow()
                            .failed())
                    .isFalse();
            assertThat(changes.get("full")).hasSize(3).contains("src/main/java/" + Fixtures.UNICODE + ".java");
            assertThat(changes.get("older")).containsExactly("a.txt");

            assertThat(store.classRuns("main", 10, new java.util.HashMap<>()))
                    .extracting(ClassRun::buildId)
                    .containsOnly("older");
            assertThat(store.classRuns(null, 1, new java.util.HashMap<>()))
                    .extracting(ClassRun::buildId)
                    .containsOnly("full");
        }
    }

    @Test
    void modelsAreVersionedAndTheNewestIsRead() throws Exception {
        StoreConfig config = freshStore();
        byte[] first = {1, 2, 3};
        byte[] second = new byte[70_000];
        second[69_999] = 42;
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(store.latestModel()).isEmpty();
            assertThat(store.saveModel(Fixtures.T0, "{\"rows\":1}", first)).isEqualTo(1);
            assertThat(store.saveModel(Fixtures.T0.plusSeconds(5), "{\"rows\":2}", second))
                    .isEqualTo(2);
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            StoredModel latest = store.latestModel().orElseThrow();
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.trainedAt()).isEqualTo(Fixtures.T0.plusSeconds(5));
            assertThat(latest.metrics()).isEqualTo("{\"rows\":2}");
            assertThat(latest.bytes()).isEqualTo(second);
            assertThat(latest.toString()).doesNotContain("42").contains("70000 bytes");
        }
    }

    @Test
    void aModelRowOverTheLimitIsMeasuredButNotFetched() throws Exception {
        StoreConfig config = freshStore();
        byte[] huge = new byte[StoredModel.MAX_BYTES + 1];
        String longMetrics = "{\"x\":\"" + "m".repeat(StoredModel.MAX_METRICS_CHARS) + "\"}";
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.saveModel(Fixtures.T0, "{}", huge);
            StoredModel latest = store.latestModel().orElseThrow();
            assertThat(latest.withheld()).isTrue();
            assertThat(latest.storedBytes()).isEqualTo(StoredModel.MAX_BYTES + 1L);
            assertThat(latest.bytes()).isEmpty();
            assertThat(latest.metrics()).isEmpty();
            assertThat(latest.toString()).contains("withheld");

            store.saveModel(Fixtures.T0.plusSeconds(1), longMetrics, new byte[] {1, 2});
            StoredModel metricsTooLong = store.latestModel().orElseThrow();
            assertThat(metricsTooLong.version()).isEqualTo(2);
            assertThat(metricsTooLong.withheld()).isTrue();
            assertThat(metricsTooLong.bytes()).isEmpty();

            byte[] atTheLimit = new byte[StoredModel.MAX_BYTES];
            store.saveModel(Fixtures.T0.plusSeconds(2), "{}", atTheLimit);
            StoredModel fits = store.latestModel().orElseThrow();
            assertThat(fits.withheld()).isFalse();
            assertThat(fits.bytes()).hasSize(StoredModel.MAX_BYTES);
        }
    }
}
