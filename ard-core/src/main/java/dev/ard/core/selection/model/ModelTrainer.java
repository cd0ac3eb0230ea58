package dev.ard.core.selection.model;

import dev.ard.core.selection.features.HistoryMustRun;
import dev.ard.core.selection.predictive.Calibration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Trains time-ordered: the oldest rows fit the trees, the newest {@link #HELD_OUT} (whole builds) calibrate the
 * threshold, so the recall a model promises was measured on builds it never saw.
 */
public final class ModelTrainer {

    /** Share of the newest rows held out for calibration. */
    public static final double HELD_OUT = 0.3;

    /** The least history a model is trained on; below it predictive mode behaves as safe. */
    public record Requirements(int minBuilds, int minFailingFit, int minFailingHeldOut) {
        public static final Requirements DEFAULT = new Requirements(30, 1, 1);
    }

    /** A model, or why there is none. */
    public record Outcome(TrainedModel model, String notReadyReason) {
        public boolean ready() {
            return model != null;
        }
    }

    private ModelTrainer() {}

    public static Outcome train(TrainingSet set, double targetRecall, Requirements req) {
        Set<Long> builds = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            builds.add(set.build(i));
        }
        if (builds.size() < req.minBuilds()) {
            return new Outcome(
                    null, "only " + builds.size() + " builds of history (a model needs " + req.minBuilds() + ")");
        }
        int split = set.splitIndex(HELD_OUT);
        TrainingSet fit = set.slice(0, split);
        TrainingSet heldOut = set.slice(split, set.size());
        if (fit.positives() < req.minFailingFit() || !FailureModel.trainable(fit)) {
            return new Outcome(
                    null,
                    fit.positives() + " failing test runs in the older " + Math.round((1 - HELD_OUT) * 100)
                            + "% of the history (a model needs " + Math.max(1, req.minFailingFit()) + ")");
        }
        if (heldOut.positives() < Math.max(1, req.minFailingHeldOut())) {
            return new Outcome(
                    null,
                    heldOut.positives() + " failing test runs in the newest " + Math.round(HELD_OUT * 100)
                            + "% of the history, nothing to measure recall on (needs "
                            + Math.max(1, req.minFailingHeldOut()) + ")");
        }
        FailureModel model = FailureModel.train(fit);
        double[] scores = new double[heldOut.size()];
        boolean[] failed = new boolean[heldOut.size()];
        boolean[] mustRun = new boolean[heldOut.size()];
        for (int i = 0; i < heldOut.size(); i++) {
            scores[i] = model.score(heldOut.x(i));
            failed[i] = heldOut.failed(i);
            mustRun[i] = HistoryMustRun.reason(heldOut.x(i)) != null;
        }
        Calibration calibration = Calibration.of(targetRecall, scores, failed, mustRun);
        return new Outcome(
                new TrainedModel(model, calibration, Instant.now(), fit.size(), builds.size(), fit.positives()), null);
    }
}
