package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.ToolVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.eclipse.aether.RepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** {@link TelemetryPublisher#publish} against a real SQLite store under a temporary root. */
class TelemetryPublisherTest {

    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    private static final ToolVersions TOOLS = new ToolVersions("3.9.16", "17", "linux");
    private static final ModuleRun CORE_RUN =
            new ModuleRun("g:core", "surefire", "default-test", "reporter", 1200, null);

    @TempDir
    Path root;

    private final RecordingLogger log = new RecordingLogger();
    private final TelemetryPublisher publisher = new TelemetryPublisher(
            new StoreConfigFactory(new DefaultSettingsDecrypter(
                    new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), "none"))),
            log.logger);

    private static BuildTelemetry build(List<String> goals, List<ModuleRun> runs) {
        BuildRecord record = new BuildRecord(
                "id",
                Instant.EPOCH,
                Instant.EPOCH,
                goals,
                Checkout.outsideGit("/r"),
                CiRun.LOCAL,
                TOOLS,
                RecordedMode.ALL,
                BuildResult.SUCCESS);
        return new BuildTelemetry(record, List.of(), runs, List.of(), List.of());
    }

    @Test
    void pluginGoalsWithoutTestsAreNotRecorded() {
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("ard:stats"), List.of())))
                .isTrue();
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("dependency:tree", "help:effective-pom"), List.of())))
                .isTrue();
    }

    @Test
    void lifecyclePhasesAndTestGoalsAreRecorded() {
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("verify"), List.of())))
                .isFalse();
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("clean", "dependency:tree"), List.of())))
                .isFalse();
        ModuleRun surefire = new ModuleRun("g:a", "surefire", "default-cli", "reporter", 10, null);
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("surefire:test"), List.of(surefire))))
                .isFalse();
    }

    // --- publish: a build on the `main` branch, ARD settings as given
    // -------------------------------------------------

    private ActiveBuild activeBuild(
            String id, RecordedMode mode, Map<String, String> settings, List<String> goals, TestResult... tests) {
        ArdProperties properties = ArdProperties.from(settings);
        GitState git = new GitState(
                true, "abc123", "main", false, false, null, List.of(new Change("core/src/A.java", "MODIFIED")), null);
        BuildContext context = new BuildContext(id, START, root, git, CiEnvironment.LOCAL, goals, TOOLS, mode);
        BuildRecorder recorder = new BuildRecorder();
        if (tests.length > 0) {
            recorder.testRun(CORE_RUN, List.of(tests));
        }
        return new ActiveBuild(properties, new Faults(log.logger, false), context, recorder, null);
    }

    private ActiveBuild activeBuild(String id, TestResult... tests) {
        return activeBuild(id, RecordedMode.ALL, Map.of(), List.of("verify"), tests);
    }

    private static MavenSession session(boolean failed) {
        DefaultMavenExecutionResult result = new DefaultMavenExecutionResult();
        if (failed) {
            result.addException(new IllegalStateException("compilation failure"));
        }
        return new MavenSession(null, (RepositorySystemSession) null, new DefaultMavenExecutionRequest(), result);
    }

    private static TestResult test(String method, Outcome outcome) {
        return new TestResult(
                "g:core", "surefire", "default-test", "a.ATest", method, 10, outcome, 0, false, null, null);
    }

    private StoreConfig store() {
        return StoreConfig.sqlite(root);
    }

    private Path storeFile() {
        return Path.of(store().jdbcUrl().substring("jdbc:sqlite:".length()));
    }

    private Path spoolDir() {
        return root.resolve(".ard").resolve("pending");
    }

    private List<String> spoolFiles() throws Exception {
        if (!Files.isDirectory(spoolDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<BuildSummary> storedBuilds() throws Exception {
        try (TelemetryStore store = TelemetryStores.open(store())) {
            return store.recentBuilds(100);
        }
    }

    @Test
    void aWrittenBuildEndsWithOneSummaryLine() throws Exception {
        publisher.publish(
                session(true),
                activeBuild(
                        "b-1",
                        test("works", Outcome.PASSED),
                        test("fails", Outcome.FAILED),
                        test("later", Outcome.SKIPPED)));

        assertThat(log.at("info"))
                .containsExactly(
                        "ARD: recorded 3 tests (1 passed, 1 failed, 1 skipped) in 1 module → .ard/telemetry.db");
        assertThat(log.at("warn")).isEmpty();
        List<BuildSummary> stored = storedBuilds();
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.build().id()).isEqualTo("b-1");
            assertThat(s.build().result()).isEqualTo(BuildResult.FAILURE);
            assertThat(s.build().mode()).isEqualTo(RecordedMode.ALL);
            assertThat(s.build().checkout())
                    .isEqualTo(new Checkout(root.toString(), "abc123", "main", true)); // a changed file
            assertThat(s.tests()).isEqualTo(3);
            assertThat(s.failed()).isEqualTo(1);
        });
    }

    @Test
    void onlyToolGoalsWriteNothingAndPrintNothing() throws Exception {
        publisher.publish(session(false), activeBuild("tool", RecordedMode.ALL, Map.of(), List.of("ard:stats")));

        assertThat(log.at("info")).isEmpty();
        assertThat(storeFile()).doesNotExist();
    }

    @Test
    void anUnwritableStoreSpoolsTheBuildAndTheNextGoodPublishWritesIt() throws Exception {
        Files.createDirectories(storeFile().getParent());
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Files.write(storeFile(), garbage);

        publisher.publish(session(false), activeBuild("spooled", test("works", Outcome.PASSED)));

        assertThat(log.at("info")).isEmpty();
        assertThat(log.at("warn"))
                .singleElement()
                .asString()
                .startsWith("ARD: telemetry not stored: ")
                .contains("(corrupt?)")
                .contains("spooled.json");
        assertThat(spoolFiles()).containsExactly("spooled.json");

        // the user replaces the corrupt file with a good store
        Path elsewhere = root.resolve("elsewhere");
        TelemetryStores.open(StoreConfig.sqlite(elsewhere)).close();
        Files.move(elsewhere.resolve(".ard").resolve("telemetry.db"), storeFile(), StandardCopyOption.REPLACE_EXISTING);
        publisher.publish(
                session(false), activeBuild("next", test("works", Outcome.PASSED), test("also", Outcome.PASSED)));

        assertThat(log.at("info"))
                .containsExactly(
                        "ARD: recorded 2 tests (2 passed) in 1 module → .ard/telemetry.db (+1 pending build flushed)");
        assertThat(spoolFiles()).isEmpty();
        assertThat(storedBuilds())
                .extracting(s -> s.build().id(), BuildSummary::tests)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("spooled", 1),
                        org.assertj.core.groups.Tuple.tuple("next", 2));
    }

    // --- automatic retraining ----------------------------------------------------------------------------------------

    /** 60 full builds of `main` in which a change to Codec makes CodecTest fail: enough to train a model on. */
    private void history() throws Exception {
        Files.createDirectories(root.resolve(".ard"));
        Random random = new Random(3);
        try (TelemetryStore store = TelemetryStores.open(store())) {
            for (int i = 1; i <= 60; i++) {
                store.write(historyBuild(i, random));
            }
        }
    }

    private static BuildTelemetry historyBuild(int i, Random random) {
        boolean codecChanged = i % 5 == 0;
        List<Change> changes = new ArrayList<>(
                List.of(new Change("src/main/java/org/x/Other" + random.nextInt(20) + ".java", "MODIFIED")));
        if (codecChanged) {
            changes.add(new Change("src/main/java/org/x/Codec.java", "MODIFIED"));
        }
        List<TestResult> tests = new ArrayList<>();
        for (int t = 0; t < 15; t++) {
            String cls = t == 0 ? "org.x.CodecTest" : "org.x.Thing" + t + "Test";
            boolean failed = t == 0 && codecChanged && random.nextDouble() < 0.9;
            tests.add(new TestResult(
                    "org.x:core",
                    "surefire",
                    "default-test",
                    cls,
                    "m",
                    50 + t,
                    failed ? Outcome.FAILED : Outcome.PASSED,
                    0,
                    false,
                    null,
                    null));
        }
        Instant start = START.minusSeconds(600L * (61 - i));
        BuildRecord record = new BuildRecord(
                "h" + i,
                start,
                start.plusSeconds(60),
                List.of("verify"),
                new Checkout("/w", "c" + i, "main", false),
                CiRun.LOCAL,
                TOOLS,
                RecordedMode.ALL,
                BuildResult.of(tests.stream().anyMatch(r -> r.outcome() == Outcome.FAILED)));
        return new BuildTelemetry(
                record,
                changes,
                List.of(new ModuleRun("org.x:core", "surefire", "default-test", "reporter", 900, null)),
                tests,
                List.of());
    }

    private boolean modelStored() throws Exception {
        try (TelemetryStore store = TelemetryStores.open(store())) {
            return store.latestModel().isPresent();
        }
    }

    private static Map<String, String> every(int builds) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SettingsCatalog.TRAIN_EVERY.name(), Integer.toString(builds));
        return settings;
    }

    @Test
    void aFullBranchAutoBuildRetrainsWhenTheRuleSaysSoAndTheSummarySaysIt() throws Exception {
        history();

        publisher.publish(
                session(false),
                activeBuild("full", RecordedMode.ALL, every(1), List.of("verify"), test("works", Outcome.PASSED)));

        assertThat(log.at("warn")).isEmpty();
        assertThat(log.at("info"))
                .containsExactly(
                        "ARD: recorded 1 test (1 passed) in 1 module → .ard/telemetry.db; selection model v1 retrained on 61 builds");
        assertThat(modelStored()).isTrue();
    }

    @Test
    void noRetrainingAfterASelectedBuild() throws Exception {
        history();

        publisher.publish(
                session(false),
                activeBuild("safe", RecordedMode.SAFE, every(1), List.of("verify"), test("works", Outcome.PASSED)));

        assertThat(log.at("info")).singleElement().asString().doesNotContain("retrained");
        assertThat(modelStored()).isFalse();
    }

    @Test
    void noRetrainingWhenTheUserChoseTheModeOrTurnedItOffOrNoTestsRan() throws Exception {
        history();
        Map<String, String> all = every(1);
        all.put(SettingsCatalog.SELECTION.name(), "all"); // asked for by name: not `auto`

        publisher.publish(
                session(false),
                activeBuild("all", RecordedMode.ALL, all, List.of("verify"), test("works", Outcome.PASSED)));
        publisher.publish(
                session(false),
                activeBuild("never", RecordedMode.ALL, every(0), List.of("verify"), test("works", Outcome.PASSED)));
        publisher.publish(session(false), activeBuild("compile-only", RecordedMode.ALL, every(1), List.of("compile")));

        assertThat(log.at("info")).hasSize(3).noneMatch(line -> line.contains("retrained"));
        assertThat(modelStored()).isFalse();
    }

    @Test
    void theRuleWaitsForEnoughBuilds() throws Exception {
        history();

        // 62 stored builds, fewer than `every`: not due yet
        publisher.publish(
                session(false),
                activeBuild("early", RecordedMode.ALL, every(100), List.of("verify"), test("works", Outcome.PASSED)));

        assertThat(log.at("info")).singleElement().asString().doesNotContain("retrained");
        assertThat(modelStored()).isFalse();
    }
}
