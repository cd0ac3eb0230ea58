package dev.ard.core.selection.replay;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a replay.
 *
 * @param source          where the history came from
 * @param builds          builds in the history
 * @param replayedBuilds  builds decided (all but the first, which has no past)
 * @param modelBuilds     replayed builds the predictive strategy decided with a model (the others ran everything)
 * @param rows            (build, test class) rows in the history
 * @param config          the replay's settings
 * @param notReadyReason  why the last training attempt gave no model, or {@code null}
 * @param results         one per {@link Strategy}
 * @param modelPhase      the same over the builds a model decided only (before the first model, predictive runs
 *                        everything, which dominates short histories)
 * @param curveBudgets    time budgets (fractions) of the recall curve
 * @param curves          strategy id → failing-test recall at each of {@code curveBudgets} (NaN when nothing failed)
 * @param trainingMillis  total time spent training models
 */
public record Evaluation(
        String source,
        int builds,
        int replayedBuilds,
        int modelBuilds,
        int rows,
        ReplayConfig config,
        String notReadyReason,
        List<StrategyResult> results,
        List<StrategyResult> modelPhase,
        double[] curveBudgets,
        Map<String, double[]> curves,
        long trainingMillis) {

    public StrategyResult result(Strategy strategy) {
        return results.stream()
                .filter(r -> r.strategy().equals(strategy.id()))
                .findFirst()
                .orElseThrow();
    }
}
