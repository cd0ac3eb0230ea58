package dev.ard.core.selection.predictive;

import dev.ard.core.selection.TestDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code predictive} policy (docs/architecture.md §4): every must-run candidate, then the other candidates by descending
 * P(fail), stopping at the first one below the calibrated threshold (the target recall is reached) or the first
 * one that does not fit the time budget. Must-run candidates are never dropped, even when they alone exceed the
 * budget; the budget then admits nothing else.
 */
public final class PredictivePolicy {

    private final Calibration calibration;
    private final TimeBudget budget;

    public PredictivePolicy(Calibration calibration, TimeBudget budget) {
        this.calibration = calibration;
        this.budget = budget == null ? TimeBudget.NONE : budget;
    }

    /** Decisions in run order: must-run first, then by descending score; each reason shows the score. */
    public List<TestDecision> decide(List<Candidate> candidates) {
        double total = candidates.stream().mapToDouble(Candidate::expectedMs).sum();
        double limit = budget.limitMs(total);
        List<Candidate> ranked = rank(candidates);
        List<TestDecision> decisions = new ArrayList<>(ranked.size());
        double used = 0;
        boolean stopped = false;
        String stopReason = null;
        int rank = 0;
        for (Candidate c : ranked) {
            rank++;
            String score = String.format(Locale.ROOT, "P(fail)=%.4f, rank %d of %d", c.score(), rank, ranked.size());
            if (c.mustRunReason() != null) {
                used += c.expectedMs();
                decisions.add(new TestDecision(c.className(), true, c.mustRunReason() + "; " + score));
                continue;
            }
            if (!stopped && c.score() < calibration.threshold()) {
                stopped = true;
                stopReason = String.format(
                        Locale.ROOT,
                        "below the threshold %.4f that reached recall %.3f on held-out history",
                        calibration.threshold(),
                        calibration.heldOutRecall());
            }
            if (!stopped && used + c.expectedMs() > limit) {
                stopped = true;
                stopReason = "over the time budget " + budget;
            }
            if (stopped) {
                decisions.add(new TestDecision(c.className(), false, score + ", " + stopReason));
            } else {
                used += c.expectedMs();
                decisions.add(new TestDecision(c.className(), true, score));
            }
        }
        return decisions;
    }

    /** Must-run first, then by descending score; ties by shorter duration, then name (deterministic). */
    public static List<Candidate> rank(List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparing((Candidate c) -> c.mustRunReason() == null)
                .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
                .thenComparingDouble(Candidate::expectedMs)
                .thenComparing(Candidate::className));
        return ranked;
    }

    public Calibration calibration() {
        return calibration;
    }

    public TimeBudget budget() {
        return budget;
    }
}
