package dev.ard.core.selection.model;

import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.StoreHistory;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.StoredModel;
import dev.ard.core.telemetry.TelemetryStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Training from the store and loading the stored model: what {@code ard:train} and the extension call. */
public final class PredictiveModels {

    /** How many builds a training reads by default. */
    public static final int HISTORY_BUILDS = 2000;

    /** A training's result: the stored version (0 when none was stored) and the trainer's outcome. */
    public record Training(int version, ModelTrainer.Outcome outcome, int builds, int rows) {}

    private PredictiveModels() {}

    /** Trains on the store's history and stores the model when one could be trained. */
    public static Training train(
            TelemetryStore store, String branch, int lastBuilds, double targetRecall, ModelTrainer.Requirements req)
            throws StoreException {
        History history = StoreHistory.read(store, branch, lastBuilds);
        ModelTrainer.Outcome outcome =
                ModelTrainer.train(TrainingSets.of(history).set(), targetRecall, req);
        int version = 0;
        if (outcome.ready()) {
            version = store.saveModel(
                    outcome.model().trainedAt(),
                    ModelCodec.metrics(outcome.model()),
                    ModelCodec.bytes(outcome.model()));
        }
        return new Training(version, outcome, history.builds().size(), history.rows());
    }

    /**
     * Automatic retraining (ARD runs it after a full-branch build): trains when {@code every} builds were stored since
     * the newest model. Without a model, once {@code every} builds exist, an attempt is made on about one build in
     * {@code every} (picked by the build id), so a history that cannot train yet (no failures) does not cost every
     * build a training.
     *
     * @param buildId the build just stored
     * @return the training, when one ran
     */
    public static Optional<Training> retrainIfDue(TelemetryStore store, String buildId, int every, double targetRecall)
            throws StoreException {
        if (every <= 0) {
            return Optional.empty();
        }
        List<TelemetryStore.BuildSummary> recent = store.recentBuilds(every);
        Optional<StoredModel> latest = store.latestModel();
        if (!due(
                recent.stream().map(b -> b.build().startedAt()).toList(),
                latest.map(PredictiveModels::trainedAtIfUsable).orElse(null),
                buildId,
                every)) {
            return Optional.empty();
        }
        // A small `every` (tests, tiny projects) may train on fewer builds than ard:train's default 30.
        int minBuilds = Math.min(ModelTrainer.Requirements.DEFAULT.minBuilds(), every);
        return Optional.of(
                train(store, null, HISTORY_BUILDS, targetRecall, new ModelTrainer.Requirements(minBuilds, 1, 1)));
    }

    /**
     * When the stored model was trained, or the earliest instant when it cannot be used (an older ARD's
     * Java-serialized model, a withheld or refused one): then the next full-branch build replaces it.
     */
    static Instant trainedAtIfUsable(StoredModel m) {
        try {
            read(m);
            return m.trainedAt();
        } catch (IOException | RuntimeException e) {
            return Instant.MIN;
        }
    }

    /** The rule of {@link #retrainIfDue}: {@code recentStarts} are the newest {@code every} builds' start times, newest first. */
    static boolean due(List<Instant> recentStarts, Instant trainedAt, String buildId, int every) {
        if (recentStarts.size() < every) {
            return false;
        }
        if (trainedAt == null) {
            return Math.floorMod(buildId == null ? 0 : buildId.hashCode(), every) == 0;
        }
        Instant oldest = recentStarts.get(recentStarts.size() - 1);
        return oldest != null && oldest.isAfter(trainedAt);
    }

    /**
     * The newest stored model, read in ARD's model format with its limits.
     *
     * @throws IOException when it is refused, over the store's size limit or unreadable (the message says why; retrain
     *                     with {@code ard:train})
     */
    public static Optional<TrainedModel> load(TelemetryStore store) throws StoreException, IOException {
        Optional<StoredModel> stored = store.latestModel();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(stored.get()));
    }

    private static TrainedModel read(StoredModel m) throws IOException {
        if (m.withheld()) {
            throw new IOException("the stored model (version " + m.version() + ", " + m.storedBytes()
                    + " bytes) was refused: over the limit of " + StoredModel.MAX_BYTES + " bytes and "
                    + StoredModel.MAX_METRICS_CHARS
                    + " characters of metrics, so it was not read; retrain with ard:train");
        }
        return ModelCodec.read(m.bytes(), m.metrics(), m.trainedAt());
    }
}
