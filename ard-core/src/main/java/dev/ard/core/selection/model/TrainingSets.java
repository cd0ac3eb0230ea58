package dev.ard.core.selection.model;

import dev.ard.core.selection.features.FeatureExtractor;
import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.HistoryBuild;

/** The rows of a whole history, each from the builds before it only, and the state after the last build. */
public final class TrainingSets {

    /** Rows and the feature state they leave (ready to compute features for the next build). */
    public record Rows(TrainingSet set, FeatureState state) {}

    private TrainingSets() {}

    public static Rows of(History history) {
        FeatureState state = new FeatureState();
        FeatureExtractor extractor = new FeatureExtractor(state);
        TrainingSet set = new TrainingSet();
        for (HistoryBuild build : history.builds()) {
            for (String c : build.tests().keySet()) {
                set.add(
                        extractor.features(
                                build.changedPaths(),
                                c,
                                FeatureExtractor.Impact.of(build.tests().get(c).impact())),
                        build.tests().get(c).failed(),
                        build.order());
            }
            state.record(build);
        }
        return new Rows(set, state);
    }
}
