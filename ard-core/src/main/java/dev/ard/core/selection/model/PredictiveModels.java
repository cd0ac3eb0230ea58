package dev.ard.core.selection.model;

import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.StoreHistory;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.StoredModel;
import dev.ard.core.telemetry.TelemetryStore;
import java.io.IOException;
import java.util.Optional;

/** Training from the store and loading the stored model: what {@code ard:train} and the extension call. */
public final class PredictiveModels {

    /** How many builds a training reads by default. */
    public static final int HISTORY_BUILDS = 2000;

    /** A training's result: the stored version (0 when none was stored) and the trainer's outcome. */
    public record Training(int version, ModelTrainer.Outcome outcome, int builds, int rows) {}

    private PredictiveModels() {}

    /** Trains on the store's history and stores the model when one could be trained. */
    public static Training train(TelemetryStore store, String branch, int lastBuilds, double targetRecall, ModelTrainer.Requirements req)
            throws StoreException {
        History history = StoreHistory.read(store, branch, lastBuilds);
        ModelTrainer.Outcome outcome = ModelTrainer.train(TrainingSets.of(history).set(), targetRecall, req);
        int version = 0;
        if (outcome.ready()) {
            version = store.saveModel(outcome.model().trainedAt(), ModelCodec.metrics(outcome.model()), ModelCodec.bytes(outcome.model()));
        }
        return new Training(version, outcome, history.builds().size(), history.rows());
    }

    /**
     * The newest stored model, through the deserialization allow-list.
     *
     * @throws IOException when it is refused or unreadable (retrain with {@code ard:train})
     */
    public static Optional<TrainedModel> load(TelemetryStore store) throws StoreException, IOException {
        Optional<StoredModel> stored = store.latestModel();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredModel m = stored.get();
        return Optional.of(ModelCodec.read(m.bytes(), m.metrics(), m.trainedAt()));
    }
}
