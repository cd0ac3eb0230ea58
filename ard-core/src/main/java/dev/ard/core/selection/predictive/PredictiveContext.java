package dev.ard.core.selection.predictive;

import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.StoreHistory;
import dev.ard.core.selection.model.PredictiveModels;
import dev.ard.core.selection.model.TrainedModel;
import dev.ard.core.selection.model.TrainingSets;
import dev.ard.core.telemetry.TelemetryStore;
import java.util.Optional;

/**
 * What a build needs for {@code predictive} (and {@code auto}) mode, read once per build: the stored model and the
 * feature state of the store's history — or why predictive selection cannot run, so the build selects safely and
 * says so.
 *
 * @param model          the model, or {@code null}
 * @param state          the history's feature state, or {@code null}
 * @param notReadyReason one line, non-null exactly when {@code model} is null
 */
public record PredictiveContext(TrainedModel model, FeatureState state, String notReadyReason) {

    public boolean ready() {
        return model != null;
    }

    /** A {@link PredictiveSelector} for this build; only when {@link #ready()}. */
    public PredictiveSelector selector(TimeBudget budget) {
        if (!ready()) {
            throw new IllegalStateException("no model: " + notReadyReason);
        }
        return new PredictiveSelector(model, state, budget);
    }

    /**
     * Never throws: a missing or refused model, or an unreadable store, is a reason.
     *
     * @param branch the branch whose history the features come from, or {@code null} for every branch
     */
    public static PredictiveContext read(TelemetryStore store, String branch) {
        try {
            Optional<TrainedModel> model = PredictiveModels.load(store);
            if (model.isEmpty()) {
                return new PredictiveContext(null, null, "no trained model in the store yet (mvn ard:train)");
            }
            History history = StoreHistory.read(store, branch, PredictiveModels.HISTORY_BUILDS);
            return new PredictiveContext(model.get(), TrainingSets.of(history).state(), null);
        } catch (Exception e) {
            String m = e.getMessage();
            return new PredictiveContext(
                    null,
                    null,
                    "cannot use the stored model: "
                            + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip()));
        }
    }
}
