package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.features.Feature;
import dev.ard.core.selection.features.FeatureState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelFreeRankingTest {

    /** A row that ran before and passed, with the given feature values. */
    private static double[] row(Map<Feature, Double> values) {
        double[] x = new double[Feature.ALL.size()];
        x[Feature.IN_SAFE_SET.ordinal()] = -1;
        x[Feature.GRAPH_DISTANCE.ordinal()] = -1;
        x[Feature.CHANGED_CLASSES_REACHING.ordinal()] = -1;
        x[Feature.RUNS_SINCE_FAILURE.ordinal()] = FeatureState.NEVER;
        values.forEach((f, v) -> x[f.ordinal()] = v);
        return x;
    }

    @Test
    void mustRunFirstThenCoFailureAndAffinityThenRecentFailures() {
        List<String> suite = List.of("Plain", "Named", "CoFailing", "New", "Reached", "FailedOnce");
        List<double[]> features = List.of(
                row(Map.of()),
                row(Map.of(Feature.NAME_AFFINITY, 1.0)),
                row(Map.of(Feature.CO_FAILURE_RATIO, 1.0)),
                row(Map.of(Feature.TEST_NEW, 1.0)),
                row(Map.of(Feature.IN_SAFE_SET, 1.0, Feature.GRAPH_DISTANCE, 1.0)),
                row(Map.of(Feature.RUNS_SINCE_FAILURE, 5.0, Feature.FAILURE_RATE, 0.1)));

        assertThat(ModelFreeRanking.order(suite, features))
                .containsExactly("New", "CoFailing", "Named", "Reached", "FailedOnce", "Plain");
    }

    /** As {@link #row}, with a mean duration of {@code ms} over its past runs. */
    private static double[] row(double ms, Map<Feature, Double> values) {
        double[] x = row(values);
        x[Feature.MEAN_DURATION.ordinal()] = Math.log1p(ms);
        return x;
    }

    @Test
    void outsideMustRunTheEvidencePerExpectedMillisecondDecides() {
        // the name matches (evidence 5) but the class takes 1 s; the package matches (evidence 2) in 4 ms: 0.5 per ms
        // against 0.005, so the cheap one runs first (it finds a failure sooner per second of test time)
        List<String> suite = List.of("SlowNamed", "QuickPackage", "QuickNothing", "ASlowNothing");
        List<double[]> features = List.of(
                row(1000, Map.of(Feature.NAME_AFFINITY, 1.0)),
                row(4, Map.of(Feature.PACKAGE_AFFINITY, 1.0)),
                row(2, Map.of()),
                row(50, Map.of()));

        assertThat(ModelFreeRanking.order(suite, features))
                .containsExactly("QuickPackage", "SlowNamed", "QuickNothing", "ASlowNothing");
    }

    @Test
    void mustRunClassesGoFirstByTheirEvidenceThenShorterFirst() {
        // all three run whatever the cut: the one that failed last leads although it is the slowest, then the changed
        // ones (no evidence beyond the change) shorter first; a plain class, however cheap, comes after them all
        List<String> suite = List.of("Cheap", "ChangedA", "ChangedB", "FailedLast");
        List<double[]> features = List.of(
                row(1, Map.of(Feature.NAME_AFFINITY, 1.0)),
                row(300, Map.of(Feature.TEST_FILE_CHANGED, 1.0)),
                row(3, Map.of(Feature.TEST_FILE_CHANGED, 1.0)),
                row(
                        800,
                        Map.of(
                                Feature.RUNS_SINCE_FAILURE, 0.0,
                                Feature.FAILURE_RATE_RECENT, 0.1,
                                Feature.FAILURE_RATE, 0.1)));

        assertThat(ModelFreeRanking.order(suite, features))
                .containsExactly("FailedLast", "ChangedB", "ChangedA", "Cheap");
    }

    @Test
    void everythingRunsUntilAFailingBuildTeachesTheShare() {
        ModelFreeRanking ranking = new ModelFreeRanking();
        assertThat(ranking.share()).isEqualTo(1.0);

        ranking.learn(
                List.of("A", "B", "C", "D"), Map.of("A", 10.0, "B", 20.0, "C", 30.0, "D", 40.0), Set.of(), Set.of());
        assertThat(ranking.share()).as("a green build teaches nothing").isEqualTo(1.0);

        // the failing class C is reached after A, B, C: 60 of 100 ms
        ranking.learn(
                List.of("A", "B", "C", "D"), Map.of("A", 10.0, "B", 20.0, "C", 30.0, "D", 40.0), Set.of("C"), Set.of());
        assertThat(ranking.share()).isEqualTo(0.6 + ModelFreeRanking.MARGIN);

        // a later failure found at 10 %: the largest share of the window still holds
        ranking.learn(List.of("A", "B"), Map.of("A", 10.0, "B", 90.0), Set.of("A"), Set.of());
        assertThat(ranking.share()).isEqualTo(0.6 + ModelFreeRanking.MARGIN);
    }

    @Test
    void theShareForgetsFailuresOlderThanItsWindow() {
        ModelFreeRanking ranking = new ModelFreeRanking();
        ranking.learn(List.of("A", "B"), Map.of("A", 50.0, "B", 50.0), Set.of("B"), Set.of());
        for (int i = 0; i < ModelFreeRanking.WINDOW; i++) {
            ranking.learn(List.of("A", "B"), Map.of("A", 20.0, "B", 80.0), Set.of("A"), Set.of());
        }
        assertThat(ranking.share()).isEqualTo(0.2 + ModelFreeRanking.MARGIN);
    }

    @Test
    void failuresThatMustRunCaughtTeachNoCut() {
        ModelFreeRanking ranking = new ModelFreeRanking();
        Map<String, Double> durations = Map.of("A", 10.0, "B", 20.0, "C", 30.0, "D", 40.0);

        // C failed, but it was must-run (say its source changed): it runs whatever the cut, so nothing is to be reached
        ranking.learn(List.of("C", "A", "B", "D"), durations, Set.of("C"), Set.of("C"));
        assertThat(ranking.share()).isEqualTo(ModelFreeRanking.MARGIN);

        // D failed without a must-run rule: the cut must reach it, must-run time before it included (100 of 100 ms)
        ranking.learn(List.of("C", "A", "B", "D"), durations, Set.of("C", "D"), Set.of("C"));
        assertThat(ranking.share()).isEqualTo(1.0);
    }
}
