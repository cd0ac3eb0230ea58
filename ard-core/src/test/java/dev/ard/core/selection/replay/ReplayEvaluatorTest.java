package dev.ard.core.selection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.selection.history.CsvHistory;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.SharedHistory;
import dev.ard.core.selection.history.TestRun;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.telemetry.ImpactFact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayEvaluatorTest {

    @TempDir
    Path out;

    /**
     * 300 builds of 25 test classes; a change to {@code Codec.java} (every 6th build) breaks {@code CodecTest} in most
     * of them, other failures are rare noise. The model must learn the co-failure.
     */
    static History synthetic(long seed) {
        Random random = new Random(seed);
        List<HistoryBuild> builds = new ArrayList<>();
        for (int b = 1; b <= 300; b++) {
            boolean codecChanged = b % 6 == 0;
            List<String> changed = new ArrayList<>(List.of("src/main/java/org/x/Other" + random.nextInt(30) + ".java"));
            if (codecChanged) {
                changed.add("src/main/java/org/x/Codec.java");
            }
            Map<String, TestRun> tests = new LinkedHashMap<>();
            for (int t = 0; t < 25; t++) {
                String name = t == 0 ? "org.x.CodecTest" : "org.x.Thing" + t + "Test";
                boolean failed = t == 0 ? codecChanged && random.nextDouble() < 0.9 : random.nextDouble() < 0.0005;
                tests.put(name, new TestRun(name, failed, false, 100 + 10 * t));
            }
            builds.add(new HistoryBuild("b" + b, b, null, changed, tests));
        }
        return new History("synthetic", builds, false);
    }

    @Test
    void predictiveCatchesTheLearnedFailuresRunningFarLessThanAll() {
        Evaluation e = new ReplayEvaluator(new ReplayConfig(
                        0.95,
                        TimeBudget.NONE,
                        20,
                        42,
                        new dev.ard.core.selection.model.ModelTrainer.Requirements(30, 1, 1)))
                .evaluate(synthetic(1));

        StrategyResult all = e.result(Strategy.ALL);
        StrategyResult predictive = e.result(Strategy.PREDICTIVE);
        assertThat(e.replayedBuilds()).isEqualTo(299);
        assertThat(e.modelBuilds()).isGreaterThan(200);
        assertThat(all.testTimeFraction()).isEqualTo(1.0);
        assertThat(all.failingTestRecall()).isEqualTo(1.0);
        assertThat(predictive.failingTests()).isEqualTo(all.failingTests());
        assertThat(predictive.failingBuildRecall())
                .isGreaterThanOrEqualTo(0.8); // the noise failures cannot be predicted
        assertThat(predictive.testTimeFraction()).isLessThan(0.5);
        assertThat(predictive.apfdc()).isGreaterThan(e.result(Strategy.RANDOM).apfdc());
        assertThat(e.result(Strategy.SAFE).applicable()).isFalse();
        // the baselines got the predictive strategy's time, not more
        assertThat(e.result(Strategy.LAST_FAIL).testTimeRunMs()).isLessThanOrEqualTo(predictive.testTimeRunMs() + 1e-6);
        assertThat(e.result(Strategy.RANDOM).testTimeRunMs()).isLessThanOrEqualTo(predictive.testTimeRunMs() + 1e-6);
        double[] curve = e.curves().get("predictive");
        assertThat(curve[curve.length - 1]).isEqualTo(1.0);
        for (int i = 1; i < curve.length; i++) {
            assertThat(curve[i]).isGreaterThanOrEqualTo(curve[i - 1]);
        }
    }

    /**
     * 60 builds of 10 classes with recorded impact facts: the class a change reaches (hops 1) fails in every 5th build;
     * safe replays from the facts, catching each failure with the reached class and the must-run one only.
     */
    @Test
    void safeReplaysFromTheRecordedImpactFacts() {
        List<HistoryBuild> builds = new ArrayList<>();
        for (int b = 1; b <= 60; b++) {
            Map<String, TestRun> tests = new LinkedHashMap<>();
            for (int t = 0; t < 10; t++) {
                String name = "org.x.T" + t + "Test";
                boolean reached = t == b % 10;
                boolean mustRun = t == (b + 3) % 10;
                ImpactFact fact = new ImpactFact("m", name, reached || mustRun, reached ? 1 : -1, reached ? 1 : 0);
                tests.put(name, new TestRun(name, reached && b % 5 == 0, false, 100, fact));
            }
            builds.add(new HistoryBuild("b" + b, b, null, List.of("src/main/java/org/x/A.java"), tests));
        }

        Evaluation e = new ReplayEvaluator(ReplayConfig.DEFAULT).evaluate(new History("store", builds, true));

        StrategyResult safe = e.result(Strategy.SAFE);
        assertThat(safe.applicable()).isTrue();
        assertThat(safe.failingTests()).isEqualTo(12); // builds 5, 10, …, 60
        assertThat(safe.failingTestRecall()).isEqualTo(1.0);
        assertThat(safe.testClassFraction()).isEqualTo(0.2);
        assertThat(safe.apfdc()).isGreaterThan(e.result(Strategy.RANDOM).apfdc());
        assertThat(e.curves()).containsKey("safe");
        // never retrained, so no model: predictive selects as safe does meanwhile, as a live build (not everything)
        Evaluation noModel = new ReplayEvaluator(new ReplayConfig(
                        0.99,
                        TimeBudget.NONE,
                        1000,
                        42,
                        dev.ard.core.selection.model.ModelTrainer.Requirements.DEFAULT))
                .evaluate(new History("store", builds, true));
        assertThat(noModel.modelBuilds()).isZero();
        assertThat(noModel.result(Strategy.PREDICTIVE).testClassFraction()).isEqualTo(0.2);
        assertThat(noModel.result(Strategy.PREDICTIVE).failingTestRecall()).isEqualTo(1.0);
        assertThat(String.join("\n", EvaluationReport.table(noModel))).contains("predictive selected as safe does");
        assertThat(String.join("\n", EvaluationReport.table(e))).doesNotContain("n/a (no bytecode");
    }

    /**
     * With a model on a history with impact facts, predictive narrows the safe selection as a live build does: a class
     * safe skipped never runs, however often it failed (here one outside every change's reach fails in every 2nd build).
     */
    @Test
    void withAModelPredictiveNarrowsTheSafeSelection() {
        List<HistoryBuild> builds = new ArrayList<>();
        for (int b = 1; b <= 80; b++) {
            Map<String, TestRun> tests = new LinkedHashMap<>();
            for (int t = 0; t < 10; t++) {
                String name = "org.x.T" + t + "Test";
                boolean reached = t == b % 10;
                ImpactFact fact = new ImpactFact("m", name, reached, reached ? 1 : -1, reached ? 1 : 0);
                tests.put(name, new TestRun(name, reached && b % 5 == 0, false, 100, fact));
            }
            ImpactFact outside = new ImpactFact("m", "org.x.NoiseTest", false, -1, 0);
            tests.put("org.x.NoiseTest", new TestRun("org.x.NoiseTest", b % 2 == 0, false, 100, outside));
            builds.add(new HistoryBuild("b" + b, b, null, List.of("src/main/java/org/x/A.java"), tests));
        }

        Evaluation e = new ReplayEvaluator(new ReplayConfig(
                        0.99,
                        TimeBudget.NONE,
                        10,
                        42,
                        new dev.ard.core.selection.model.ModelTrainer.Requirements(10, 1, 1)))
                .evaluate(new History("store", builds, true));

        assertThat(e.modelBuilds()).isGreaterThan(0);
        StrategyResult safe = e.result(Strategy.SAFE);
        StrategyResult predictive = e.result(Strategy.PREDICTIVE);
        assertThat(predictive.testClassFraction()).isLessThanOrEqualTo(safe.testClassFraction());
        assertThat(predictive.failingTests() - predictive.failingTestsCaught())
                .as("NoiseTest's failures (safe skips it) are missed, by both")
                .isGreaterThanOrEqualTo(safe.failingTests() - safe.failingTestsCaught());
    }

    @Test
    void withoutAModelPredictiveRanksWithoutOneAndSaysWhy() {
        History h = synthetic(2);
        History short20 = new History("short", h.builds().subList(0, 20), false);
        Evaluation e = new ReplayEvaluator(ReplayConfig.DEFAULT).evaluate(short20);
        assertThat(e.modelBuilds()).isZero();
        assertThat(e.notReadyReason()).isNotBlank();
        // everything runs until the first failing build (build 6 breaks CodecTest); then the model-free ranking
        // (CodecTest co-fails with Codec.java and shares its name) is cut at the share it needed there
        StrategyResult predictive = e.result(Strategy.PREDICTIVE);
        assertThat(predictive.failingTestRecall()).isEqualTo(1.0);
        assertThat(predictive.testTimeFraction()).isLessThan(0.5);
        assertThat(String.join("\n", EvaluationReport.table(e)))
                .contains("No model:")
                .contains("predictive ranked without a model")
                .contains("n/a (no bytecode")
                .doesNotContain("decided by a model:");
    }

    @Test
    void withoutAModelTheCutNeverDropsAMustRunClass() {
        // ten 100 ms classes; build 3 breaks ATest (the changed A.java names it, so the ranking needed 10 % of the
        // time): the cut becomes 10 % + the margin. Build 11 brings two new 900 ms classes, and the second fails.
        List<HistoryBuild> builds = new ArrayList<>();
        for (int b = 1; b <= 11; b++) {
            Map<String, TestRun> tests = new LinkedHashMap<>();
            for (char c = 'A'; c <= 'J'; c++) {
                String name = "org.x." + c + "Test";
                tests.put(name, new TestRun(name, b == 3 && c == 'A', false, 100));
            }
            if (b == 11) {
                tests.put("org.x.New1Test", new TestRun("org.x.New1Test", false, false, 900));
                tests.put("org.x.New2Test", new TestRun("org.x.New2Test", true, false, 900));
            }
            String changed = b == 3 ? "src/main/java/org/x/A.java" : "src/main/java/org/x/Other" + b + ".java";
            builds.add(new HistoryBuild("b" + b, b, null, List.of(changed), tests));
        }
        Evaluation e = new ReplayEvaluator(ReplayConfig.DEFAULT).evaluate(new History("must-run", builds, false));

        assertThat(e.modelBuilds()).isZero();
        StrategyResult predictive = e.result(Strategy.PREDICTIVE);
        // both new classes are never-run-before: they run although they alone are far over the cut
        assertThat(predictive.failingBuildRecall()).isEqualTo(1.0);
        assertThat(predictive.failingTestRecall()).isEqualTo(1.0);
        assertThat(predictive.testTimeFraction()).isLessThan(0.5);
    }

    @Test
    void writesJsonAndHtml() throws IOException {
        Evaluation e = new ReplayEvaluator(new ReplayConfig(
                        0.95,
                        TimeBudget.parse("30%"),
                        50,
                        1,
                        dev.ard.core.selection.model.ModelTrainer.Requirements.DEFAULT))
                .evaluate(synthetic(3));
        Path json = EvaluationReport.write(e, out);
        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertThat(array.isArray()).isTrue();
        List<String> strategies = new ArrayList<>();
        array.forEach(n -> strategies.add(n.get("strategy").asText()));
        assertThat(strategies).containsExactly("all", "random", "lastFail", "failDensity", "safe", "predictive");
        for (JsonNode n : array) {
            for (String key : List.of(
                    "failingTestRecall", "failingBuildRecall", "testClassFraction", "testTimeFraction", "apfdc")) {
                assertThat(n.has(key)).as(key).isTrue();
                if (!n.get(key).isNull()) {
                    assertThat(n.get(key).asDouble()).isBetween(0.0, 1.0);
                }
            }
        }
        assertThat(array.get(4).get("failingTestRecall").isNull()).isTrue(); // safe: n/a
        assertThat(array.get(5).get("timeBudget").asText()).isEqualTo("30.0%");
        assertThat(array.get(5).get("modelPhase").get("builds").asInt())
                .isEqualTo(e.modelBuilds())
                .isPositive();
        assertThat(array.get(5).get("modelPhase").get("testTimeFraction").asDouble())
                .isLessThanOrEqualTo(array.get(5).get("testTimeFraction").asDouble());
        String html = Files.readString(out.resolve(EvaluationReport.HTML));
        assertThat(html)
                .contains("<svg")
                .contains("<polyline")
                .contains("predictive")
                .doesNotContain("<script");
    }

    @Test
    void theTimeBudgetHoldsOverTheReplayOnceAModelExists() {
        Evaluation e = new ReplayEvaluator(new ReplayConfig(
                        0.99,
                        TimeBudget.parse("10%"),
                        25,
                        1,
                        dev.ard.core.selection.model.ModelTrainer.Requirements.DEFAULT))
                .evaluate(synthetic(4));
        // before the first model every test runs; afterwards the policy keeps to 10 % (+ must-run)
        assertThat(e.result(Strategy.PREDICTIVE).testTimeFraction()).isLessThan(0.35);
    }

    @Test
    void replaysTheSharedCompressHistory() throws IOException {
        History h = CsvHistory.read(SharedHistory.dataset("compress"));
        Evaluation e = new ReplayEvaluator(ReplayConfig.DEFAULT).evaluate(h);
        StrategyResult p = e.result(Strategy.PREDICTIVE);
        assertThat(p.failingTests()).isEqualTo(21);
        assertThat(p.failingBuilds()).isEqualTo(21);
        assertThat(p.failingTestRecall()).isGreaterThanOrEqualTo(0.95);
        assertThat(p.testTimeFraction()).isLessThan(0.5);
        assertThat(p.failingTestRecall())
                .isGreaterThanOrEqualTo(e.result(Strategy.RANDOM).failingTestRecall());
    }
}
