package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.TestDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PredictivePolicyTest {

    private static Calibration threshold(double t) {
        return new Calibration(0.99, t, 10, 100, 1.0, 0.3);
    }

    private static List<Candidate> randomCandidates(Random random, int n) {
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Candidate(
                    "c.T" + i,
                    random.nextDouble(),
                    1 + random.nextInt(1000),
                    random.nextDouble() < 0.1 ? "never run before" : null));
        }
        return list;
    }

    @Test
    void mustRunIsNeverDroppedAndTheBudgetIsNeverExceeded() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Candidate> candidates = randomCandidates(random, 1 + random.nextInt(60));
            double fraction = 0.05 + 0.9 * random.nextDouble();
            List<TestDecision> decisions = new PredictivePolicy(
                            threshold(random.nextDouble()), TimeBudget.fraction(fraction))
                    .decide(candidates);
            Map<String, Candidate> byName =
                    candidates.stream().collect(Collectors.toMap(Candidate::className, Function.identity()));
            double total =
                    candidates.stream().mapToDouble(Candidate::expectedMs).sum();
            double mustMs = candidates.stream()
                    .filter(c -> c.mustRunReason() != null)
                    .mapToDouble(Candidate::expectedMs)
                    .sum();
            double used = 0;
            for (TestDecision d : decisions) {
                Candidate c = byName.get(d.className());
                if (c.mustRunReason() != null) {
                    assertThat(d.selected()).isTrue();
                    assertThat(d.reason()).startsWith(c.mustRunReason()).contains("P(fail)=");
                }
                if (d.selected()) {
                    used += c.expectedMs();
                }
            }
            assertThat(decisions).hasSize(candidates.size());
            assertThat(used).isLessThanOrEqualTo(Math.max(fraction * total, mustMs) + 1e-6);
        }
    }

    @Test
    void theSelectedAreAPrefixByScoreStoppingBelowTheThreshold() {
        List<Candidate> candidates = List.of(
                new Candidate("a", 0.9, 10, null),
                new Candidate("b", 0.5, 10, null),
                new Candidate("c", 0.2, 10, null),
                new Candidate("d", 0.95, 10, null),
                new Candidate("e", 0.01, 10, "matches ard.mustRun *IT"));
        List<TestDecision> decisions = new PredictivePolicy(threshold(0.4), TimeBudget.NONE).decide(candidates);
        assertThat(decisions).extracting(TestDecision::className).containsExactly("e", "d", "a", "b", "c");
        assertThat(decisions).extracting(TestDecision::selected).containsExactly(true, true, true, true, false);
        assertThat(decisions.get(4).reason()).contains("P(fail)=0.2000").contains("below the threshold 0.4000");
    }

    @Test
    void theBudgetCutsBeforeTheThreshold() {
        List<Candidate> candidates = List.of(
                new Candidate("a", 0.9, 50, null),
                new Candidate("b", 0.8, 40, null),
                new Candidate("c", 0.7, 10, null));
        List<TestDecision> decisions =
                new PredictivePolicy(threshold(0.0), TimeBudget.fraction(0.6)).decide(candidates);
        assertThat(decisions).extracting(TestDecision::selected).containsExactly(true, false, false);
        assertThat(decisions.get(1).reason()).contains("over the time budget 60.0%");
        // an absolute budget: 1 second, the must-run alone over it
        List<TestDecision> absolute = new PredictivePolicy(threshold(0.0), TimeBudget.parse("1s"))
                .decide(List.of(
                        new Candidate("m", 0.0, 5000, "failed in its last run"), new Candidate("x", 0.99, 1, null)));
        assertThat(absolute).extracting(TestDecision::selected).containsExactly(true, false);
    }

    @Test
    void anInfiniteThresholdRunsOnlyMustRun() {
        List<TestDecision> decisions = new PredictivePolicy(threshold(Double.POSITIVE_INFINITY), TimeBudget.NONE)
                .decide(List.of(new Candidate("a", 1.0, 1, null), new Candidate("b", 0.0, 1, "test source changed")));
        assertThat(decisions)
                .filteredOn(TestDecision::selected)
                .extracting(TestDecision::className)
                .containsExactly("b");
    }
}
