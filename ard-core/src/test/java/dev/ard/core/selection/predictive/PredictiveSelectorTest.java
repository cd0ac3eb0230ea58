package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.Reason;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.TestSelection;
import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.TrainedModel;
import dev.ard.core.selection.model.TrainingSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictiveSelectorTest {

    private static final String MOD = "org.x:core";

    /** A model whose threshold is fixed, and a state where every class ran once and passed. */
    private static TrainedModel model(double threshold) {
        TrainingSet set = dev.ard.core.selection.model.FailureModelTest.synthetic(3000, 9);
        TrainedModel m =
                ModelTrainer.train(set, 0.9, ModelTrainer.Requirements.DEFAULT).model();
        return new TrainedModel(m.model(), new Calibration(0.99, threshold, 1, 1, 1, 1), m.trainedAt(), 1, 1, 1);
    }

    private static FeatureState seen(String... classes) {
        FeatureState state = new FeatureState();
        Map<String, TestRun> tests = new LinkedHashMap<>();
        for (String c : classes) {
            tests.put(c, new TestRun(c, false, false, 100));
        }
        state.record(new HistoryBuild("b1", 1, null, List.of(), tests));
        return state;
    }

    @Test
    void narrowsOnlyTheReachedClassesAndKeepsMustRunAndSkips() {
        List<TestDecision> safe = List.of(
                new TestDecision("org.x.ATest", true, "depends on org.x.A (changed), 1 hop"),
                new TestDecision("org.x.BTest", true, "last run on this branch failed"),
                new TestDecision("org.x.CTest", false, "no changed class in its dependencies"),
                new TestDecision("org.x.DTest", true, "depends on org.x.A (changed), 2 hops"));
        ModuleImpact impact = new ModuleImpact(
                MOD,
                List.of("org.x.ATest", "org.x.BTest", "org.x.CTest", "org.x.DTest"),
                Map.of(
                        "org.x.ATest",
                        new Reason("org.x.A", "src/main/java/org/x/A.java", 1, 1),
                        "org.x.DTest",
                        new Reason("org.x.A", "src/main/java/org/x/A.java", 2, 1)),
                null);

        TestSelection result = new PredictiveSelector(
                        model(Double.POSITIVE_INFINITY),
                        seen("org.x.ATest", "org.x.BTest", "org.x.CTest", "org.x.DTest"),
                        null)
                .select(new TestSelection(MOD, safe, null), impact, List.of("src/main/java/org/x/A.java"));

        assertThat(result.selected()).containsExactly("org.x.BTest");
        assertThat(result.decisions())
                .extracting(TestDecision::className)
                .containsExactly("org.x.ATest", "org.x.BTest", "org.x.CTest", "org.x.DTest");
        assertThat(result.decisions().get(0).reason()).contains("P(fail)=").contains("below the threshold");
        assertThat(result.decisions().get(1).reason()).startsWith("last run on this branch failed");
        assertThat(result.decisions().get(2).reason()).isEqualTo("no changed class in its dependencies");

        TestSelection all = new PredictiveSelector(model(0.0), seen("org.x.ATest"), null)
                .select(new TestSelection(MOD, safe, null), impact, List.of("src/main/java/org/x/A.java"));
        assertThat(all.selected()).containsExactly("org.x.ATest", "org.x.BTest", "org.x.DTest");
    }

    @Test
    void aModuleWideRunAllIsKept() {
        TestSelection safe = new TestSelection(
                MOD, List.of(new TestDecision("org.x.ATest", true, "pom.xml changed")), "pom.xml changed");
        assertThat(new PredictiveSelector(model(Double.POSITIVE_INFINITY), new FeatureState(), null)
                        .select(safe, null, List.of()))
                .isSameAs(safe);
    }

    @Test
    void aNeverSeenReachedClassIsMustRun() {
        List<TestDecision> safe = new ArrayList<>(
                List.of(new TestDecision("org.x.NewTest", true, "depends on org.x.A (changed), 1 hop")));
        ModuleImpact impact = new ModuleImpact(
                MOD, List.of("org.x.NewTest"), Map.of("org.x.NewTest", new Reason("org.x.A", "A.java", 1, 1)), null);
        TestSelection result = new PredictiveSelector(
                        model(Double.POSITIVE_INFINITY), new FeatureState(), TimeBudget.parse("1ms"))
                .select(new TestSelection(MOD, safe, null), impact, List.of("A.java"));
        assertThat(result.selected()).containsExactly("org.x.NewTest");
        assertThat(result.decisions().get(0).reason()).startsWith("never run before");
    }
}
