package dev.ard.core.selection.replay;

import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.predictive.TimeBudget;

/**
 * How a replay runs.
 *
 * @param targetRecall  {@code ard.targetRecall} for the predictive strategy
 * @param budget        {@code ard.timeBudget} for the predictive strategy ({@link TimeBudget#NONE}: recall only)
 * @param retrainEvery  the model is retrained on all earlier builds after every this many builds
 * @param seed          the random baseline's seed
 * @param requirements  the least history a model is trained on
 */
public record ReplayConfig(
        double targetRecall, TimeBudget budget, int retrainEvery, long seed, ModelTrainer.Requirements requirements) {

    public static final ReplayConfig DEFAULT =
            new ReplayConfig(0.99, TimeBudget.NONE, 25, 42L, ModelTrainer.Requirements.DEFAULT);

    public ReplayConfig {
        if (targetRecall <= 0 || targetRecall > 1) {
            throw new IllegalArgumentException("ard.targetRecall must be in (0, 1]: " + targetRecall);
        }
        if (retrainEvery < 1) {
            throw new IllegalArgumentException("retrainEvery must be at least 1: " + retrainEvery);
        }
    }
}
