package dev.ard.core.selection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.selection.features.Feature;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class FailureModelTest {

    /** Rows where a test fails mostly when it co-failed with the changed files before; time-ordered builds of 20 rows. */
    public static TrainingSet synthetic(int rows, long seed) {
        Random random = new Random(seed);
        TrainingSet set = new TrainingSet();
        for (int i = 0; i < rows; i++) {
            double[] x = new double[Feature.values().length];
            x[Feature.CO_FAILURE_RATIO.ordinal()] = random.nextDouble();
            x[Feature.FAILURE_RATE.ordinal()] = random.nextDouble() * 0.2;
            x[Feature.RUNS_SINCE_FAILURE.ordinal()] = 1 + random.nextInt(50);
            x[Feature.CHANGED_FILES.ordinal()] = random.nextInt(20);
            boolean failed = x[Feature.CO_FAILURE_RATIO.ordinal()] > 0.9 && random.nextDouble() < 0.8
                    || random.nextDouble() < 0.002;
            set.add(x, failed, i / 20);
        }
        return set;
    }

    @Test
    void learnsTheSignalAndScoresAreProbabilities() {
        TrainingSet set = synthetic(4000, 1);
        FailureModel model = FailureModel.train(set);
        double[] high = new double[Feature.values().length];
        high[Feature.CO_FAILURE_RATIO.ordinal()] = 0.97;
        high[Feature.FAILURE_RATE.ordinal()] = 0.1;
        high[Feature.RUNS_SINCE_FAILURE.ordinal()] = 20;
        high[Feature.CHANGED_FILES.ordinal()] = 10;
        double[] low = high.clone();
        low[Feature.CO_FAILURE_RATIO.ordinal()] = 0.1;
        assertThat(model.score(high)).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
        assertThat(model.score(low)).isLessThan(0.1).isGreaterThanOrEqualTo(0.0);
        double[][] all = new double[set.size()][];
        for (int i = 0; i < set.size(); i++) {
            all[i] = set.x(i);
        }
        assertThat(java.util.Arrays.stream(model.score(all)).boxed().toList())
                .allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat(model.importance()[Feature.CO_FAILURE_RATIO.ordinal()])
                .isEqualTo(java.util.Arrays.stream(model.importance()).max().orElseThrow());
    }

    @Test
    void ardsCopyOfTheTreesScoresExactlyAsSmileDoes() {
        TrainingSet set = synthetic(3000, 7);
        smile.classification.GradientTreeBoost boosted = FailureModel.boosted(set);
        FailureModel model = FailureModel.train(set);
        assertThat(model.trees().trees()).hasSize(FailureModel.TREES);
        TrainingSet probe = synthetic(2000, 8);
        double[] posteriori = new double[2];
        for (int i = 0; i < probe.size(); i++) {
            boosted.predict(smile.data.Tuple.of(probe.x(i), boosted.schema()), posteriori);
            assertThat(model.score(probe.x(i))).isEqualTo(posteriori[1]);
        }
        // the split points themselves: a value right at a threshold goes left, the next double right
        for (TreeEnsemble.Tree tree : model.trees().trees()) {
            for (int n = 0; n < tree.nodes(); n++) {
                if (!tree.leaf(n)) {
                    double[] x = probe.x(0).clone();
                    for (double v : new double[] {tree.value()[n], Math.nextUp(tree.value()[n])}) {
                        x[tree.feature()[n]] = v;
                        boosted.predict(smile.data.Tuple.of(x, boosted.schema()), posteriori);
                        assertThat(model.score(x)).isEqualTo(posteriori[1]);
                    }
                }
            }
        }
        assertThat(model.importance()).containsExactly(boosted.importance());
    }

    @Test
    void perfectlySeparableRareFailuresGiveNoNaN() {
        TrainingSet set = new TrainingSet();
        for (int i = 0; i < 3000; i++) {
            double[] x = new double[Feature.values().length];
            boolean failed = i % 500 == 0;
            x[Feature.RUNS_SINCE_FAILURE.ordinal()] = failed ? 0 : 1000;
            set.add(x, failed, i / 10);
        }
        FailureModel model = FailureModel.train(set);
        for (int i = 0; i < set.size(); i++) {
            assertThat(model.score(set.x(i))).isNotNaN();
        }
    }

    @Test
    void oneOutcomeCannotBeLearned() {
        TrainingSet set = new TrainingSet();
        set.add(new double[Feature.values().length], false, 1);
        assertThat(FailureModel.trainable(set)).isFalse();
        assertThatThrownBy(() -> FailureModel.train(set)).hasMessageContaining("0 failing of 1");
    }

    @Test
    void theTrainerHoldsOutTheNewestBuildsAndSaysWhyWhenItCannotTrain() {
        ModelTrainer.Outcome ok = ModelTrainer.train(synthetic(4000, 2), 0.95, ModelTrainer.Requirements.DEFAULT);
        assertThat(ok.ready()).isTrue();
        assertThat(ok.model().calibration().heldOutRecall()).isGreaterThanOrEqualTo(0.95);
        assertThat(ok.model().trainingRows()).isBetween(2700, 2900);
        assertThat(ok.model().builds()).isEqualTo(200);

        assertThat(ModelTrainer.train(synthetic(100, 3), 0.99, ModelTrainer.Requirements.DEFAULT)
                        .notReadyReason())
                .contains("only 5 builds");
        TrainingSet noFailures = new TrainingSet();
        for (int i = 0; i < 1000; i++) {
            noFailures.add(new double[Feature.values().length], false, i / 10);
        }
        assertThat(ModelTrainer.train(noFailures, 0.99, ModelTrainer.Requirements.DEFAULT)
                        .notReadyReason())
                .contains("0 failing test runs in the older");
    }

    @Test
    void theSplitNeverCutsABuild() {
        TrainingSet set = synthetic(95, 4); // builds of 20 rows
        int split = set.splitIndex(0.3);
        assertThat(split % 20).isZero();
        assertThat(set.build(split)).isNotEqualTo(set.build(split - 1));
    }
}
