package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.StoreHistory;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.PredictiveModels;
import dev.ard.core.selection.model.TrainingSet;
import dev.ard.core.selection.model.TrainingSets;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.ImpactFact;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.ToolVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SQLite store: builds written by the telemetry writer API, a model trained, stored in ARD's model format, loaded back. */
class StoreTrainingTest {

    @TempDir
    Path root;

    private static BuildTelemetry build(int i, Random random) {
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
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(600L * i);
        BuildRecord record = new BuildRecord(
                "b" + i,
                start,
                start.plusSeconds(60),
                List.of("verify"),
                new Checkout("/w", "c" + i, "main", false),
                CiRun.LOCAL,
                new ToolVersions("3.9.9", "17", "Linux"),
                RecordedMode.ALL,
                BuildResult.of(tests.stream().anyMatch(r -> r.outcome() == Outcome.FAILED)));
        return new BuildTelemetry(record, changes, List.of(), tests, List.of());
    }

    @Test
    void trainsFromTheStoreStoresTheModelAndABuildCanUseIt() throws Exception {
        Files.createDirectories(root.resolve(".ard"));
        StoreConfig config = StoreConfig.sqlite(root);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            assertThat(PredictiveContext.read(store, "main").notReadyReason()).contains("no trained model");
            Random random = new Random(3);
            for (int i = 1; i <= 10; i++) {
                store.write(build(i, random));
            }
            PredictiveModels.Training few =
                    PredictiveModels.train(store, "main", 100, 0.99, ModelTrainer.Requirements.DEFAULT);
            assertThat(few.version()).isZero();
            assertThat(few.outcome().notReadyReason()).contains("only 10 builds");
            for (int i = 11; i <= 120; i++) {
                store.write(build(i, random));
            }
            PredictiveModels.Training t =
                    PredictiveModels.train(store, "main", 1000, 0.99, ModelTrainer.Requirements.DEFAULT);
            assertThat(t.outcome().notReadyReason()).isNull();
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.builds()).isEqualTo(120);
            assertThat(t.rows()).isEqualTo(120 * 15);
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            PredictiveContext context = PredictiveContext.read(store, "main");
            assertThat(context.ready()).isTrue();
            assertThat(context.state().seen("org.x.CodecTest")).isTrue();
            assertThat(context.model().calibration().heldOutRecall()).isGreaterThanOrEqualTo(0.99);
            assertThat(context.selector(TimeBudget.NONE)).isNotNull();
        }
    }

    @Test
    void recordedImpactFactsBecomeFeaturesAndLetSafeBeReplayed() throws Exception {
        StoreConfig config = StoreConfig.sqlite(root);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            Random random = new Random(5);
            store.write(build(0, random));
            assertThat(StoreHistory.read(store, "main", 10).bytecode())
                    .as("no facts at all")
                    .isFalse();
            for (int i = 1; i <= 3; i++) {
                BuildTelemetry t = build(i, random);
                List<ImpactFact> facts = t.tests().stream()
                        .map(r -> r.className().equals("org.x.CodecTest")
                                ? new ImpactFact(r.module(), r.className(), true, 2, 3)
                                : new ImpactFact(r.module(), r.className(), false, -1, 0))
                        .toList();
                store.write(new BuildTelemetry(
                        t.build(), t.changes(), t.moduleRuns(), t.tests(), t.mojos(), t.selections(), facts));
            }
            History history = StoreHistory.read(store, "main", 10);

            assertThat(history.bytecode()).isTrue();
            assertThat(history.builds().get(1).tests().get("org.x.CodecTest").impact())
                    .isEqualTo(new ImpactFact("org.x:core", "org.x.CodecTest", true, 2, 3));
            TrainingSet rows = TrainingSets.of(history).set();
            int distance = dev.ard.core.selection.features.Feature.GRAPH_DISTANCE.ordinal();
            int reaching = dev.ard.core.selection.features.Feature.CHANGED_CLASSES_REACHING.ordinal();
            List<double[]> xs = java.util.stream.IntStream.range(0, rows.size())
                    .mapToObj(rows::x)
                    .toList();
            assertThat(xs).anySatisfy(x -> {
                assertThat(x[distance]).isEqualTo(2.0);
                assertThat(x[reaching]).isEqualTo(3.0);
            });
            // unknown (-1) only in the 15 rows of build 0, which recorded no facts; 0 where no change reaches
            assertThat(xs.stream().filter(x -> x[reaching] == -1)).hasSize(15);

            // a build without facts (an older ARD, or no analysis) counts as running every class in replayed safe
            store.write(build(4, random));
            History mixed = StoreHistory.read(store, "main", 10);
            assertThat(mixed.bytecode()).isTrue();
            assertThat(mixed.builds().get(4).tests().get("org.x.CodecTest").impact())
                    .isNull();
        }
    }
}
