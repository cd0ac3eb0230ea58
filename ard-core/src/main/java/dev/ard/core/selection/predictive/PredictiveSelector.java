package dev.ard.core.selection.predictive;

import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.Reason;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.TestSelection;
import dev.ard.core.selection.features.FeatureExtractor;
import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.features.HistoryMustRun;
import dev.ard.core.selection.model.TrainedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code predictive} mode for one module (docs/architecture.md §4): narrows the safe selection. The classes the safe policy runs
 * because a change reaches them are ranked by P(fail) and cut by {@link PredictivePolicy}; the ones it runs for a
 * must-run reason (failed last, never run, {@code ard.mustRun}) stay, as do classes whose own source changed or that
 * never ran (from history); what safe skips stays skipped. A module-wide run-all stays run-all.
 */
public final class PredictiveSelector {

    private final TrainedModel model;
    private final FeatureState state;
    private final TimeBudget budget;

    /**
     * @param model  the stored model ({@code PredictiveModels.load})
     * @param state  the history's feature state ({@code TrainingSets.of(StoreHistory.read(…)).state()})
     * @param budget {@code ard.timeBudget}
     */
    public PredictiveSelector(TrainedModel model, FeatureState state, TimeBudget budget) {
        this.model = model;
        this.state = state;
        this.budget = budget == null ? TimeBudget.NONE : budget;
    }

    /**
     * @param safe         the module's safe selection ({@code SafeSelector.select})
     * @param impact       the module's impact analysis, or {@code null}
     * @param changedPaths the build's changed paths, relative to the working tree
     */
    public TestSelection select(TestSelection safe, ModuleImpact impact, List<String> changedPaths) {
        if (safe.runAllReason() != null || impact == null) {
            return safe;
        }
        FeatureExtractor extractor = new FeatureExtractor(state);
        double fallbackMs = 1.0;
        List<Candidate> candidates = new ArrayList<>();
        List<TestDecision> skipped = new ArrayList<>();
        for (TestDecision d : safe.decisions()) {
            if (!d.selected()) {
                skipped.add(d);
                continue;
            }
            Reason reached = impact.affected().get(d.className());
            double[] x = extractor.features(changedPaths, d.className(), new FeatureExtractor.Impact(reached));
            String mustRun = reached == null ? d.reason() : HistoryMustRun.reason(x);
            candidates.add(new Candidate(
                    d.className(), model.model().score(x), state.meanDurationMs(d.className(), fallbackMs), mustRun));
        }
        List<TestDecision> decisions =
                new ArrayList<>(new PredictivePolicy(model.calibration(), budget).decide(candidates));
        decisions.addAll(skipped);
        decisions.sort(Comparator.comparing(TestDecision::className));
        return new TestSelection(safe.module(), decisions, null);
    }
}
