package dev.ard.core.selection.replay;

import dev.ard.core.selection.features.FeatureExtractor;
import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.features.HistoryMustRun;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.TrainedModel;
import dev.ard.core.selection.model.TrainingSet;
import dev.ard.core.selection.predictive.Candidate;
import dev.ard.core.selection.predictive.ModelFreeRanking;
import dev.ard.core.selection.predictive.PredictivePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Replays a history in time order: each build is decided by every {@link Strategy} from the builds before it only,
 * then its outcome is learned. The model is retrained every {@link ReplayConfig#retrainEvery()} builds on all
 * earlier builds (time-ordered fit / held-out calibration, see {@link ModelTrainer}); until one exists the
 * predictive strategy selects as safe does from the recorded impact facts or, in history without them, by
 * {@link ModelFreeRanking} (must-run classes never cut), and the baselines follow its budget.
 */
public final class ReplayEvaluator {

    /** Budgets of the recall curve: 5 %, 10 %, …, 100 % of a build's test time. */
    static final double[] CURVE = java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToDouble(i -> i / 20.0)
            .toArray();

    private final ReplayConfig config;

    public ReplayEvaluator(ReplayConfig config) {
        this.config = config;
    }

    public Evaluation evaluate(History history) {
        FeatureState state = new FeatureState();
        FeatureExtractor extractor = new FeatureExtractor(state);
        TrainingSet rows = new TrainingSet();
        Map<Strategy, Tally> tallies = new EnumMap<>(Strategy.class);
        Map<Strategy, Tally> modelPhase = new EnumMap<>(Strategy.class); // only the builds a model decided
        Map<Strategy, double[]> curveCaught = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            tallies.put(s, new Tally());
            modelPhase.put(s, new Tally());
            curveCaught.put(s, new double[CURVE.length]);
        }
        int curveFailing = 0;
        ModelFreeRanking modelFree = new ModelFreeRanking();
        TrainedModel model = null;
        String notReady = "no model trained yet";
        int replayed = 0;
        int modelBuilds = 0;
        long trainingMillis = 0;
        List<HistoryBuild> builds = history.builds();
        for (int i = 0; i < builds.size(); i++) {
            HistoryBuild build = builds.get(i);
            List<String> suite = new ArrayList<>(build.tests().keySet());
            List<double[]> features = new ArrayList<>(suite.size());
            for (String c : suite) {
                features.add(extractor.features(
                        build.changedPaths(),
                        c,
                        FeatureExtractor.Impact.of(build.tests().get(c).impact())));
            }
            // the recorded impact facts give safe's choice; the model-free ranking decides (and learns its cut) only
            // while there is neither a model nor an impact analysis (a model, once trained, stays)
            List<String> safeOrder = history.bytecode() ? Baselines.safe(suite, build.tests()) : null;
            int safeSelected = history.bytecode()
                    ? (int) suite.stream()
                            .filter(c -> Baselines.inSafe(build.tests().get(c)))
                            .count()
                    : 0;
            List<String> modelFreeOrder =
                    model == null && !history.bytecode() ? ModelFreeRanking.order(suite, features) : null;
            // the must-run classes matter only to the model-free ranking (its cut keeps them, its learning skips them)
            Set<String> mustRun = new HashSet<>();
            for (int k = 0; modelFreeOrder != null && k < suite.size(); k++) {
                if (HistoryMustRun.reason(features.get(k)) != null) {
                    mustRun.add(suite.get(k));
                }
            }
            if (i > 0 && !suite.isEmpty()) {
                replayed++;
                Map<Strategy, List<String>> orders = new EnumMap<>(Strategy.class);
                List<String> predictive;
                int predictiveSelected;
                if (model != null) {
                    modelBuilds++;
                    // as a live build: the model narrows the safe selection, and what safe skips stays skipped
                    List<String> pool = new ArrayList<>();
                    List<double[]> poolFeatures = new ArrayList<>();
                    List<String> skippedBySafe = new ArrayList<>();
                    for (int k = 0; k < suite.size(); k++) {
                        if (!history.bytecode()
                                || Baselines.inSafe(build.tests().get(suite.get(k)))) {
                            pool.add(suite.get(k));
                            poolFeatures.add(features.get(k));
                        } else {
                            skippedBySafe.add(suite.get(k));
                        }
                    }
                    List<Candidate> candidates = candidates(pool, poolFeatures, model, state, build.changedPaths());
                    var decisions = new PredictivePolicy(model.calibration(), config.budget()).decide(candidates);
                    List<String> order = new ArrayList<>(suite.size());
                    decisions.forEach(d -> order.add(d.className()));
                    order.addAll(skippedBySafe);
                    predictive = order;
                    predictiveSelected =
                            (int) decisions.stream().filter(d -> d.selected()).count();
                } else if (history.bytecode()) {
                    // no model: a live build selects safely (predictive is not ready), so the replay does the same
                    predictive = safeOrder;
                    predictiveSelected = safeSelected;
                } else {
                    // no model and no bytecode: the model-free ranking, cut at the share learned from failing builds;
                    // the must-run classes (first in its order) run whatever the cut, as the live policy keeps them
                    predictive = modelFreeOrder;
                    predictiveSelected = modelFree.share() >= 1.0
                            ? suite.size()
                            : Math.max(
                                    Math.max(1, mustRun.size()),
                                    Baselines.prefixWithin(
                                            predictive, build.tests(), modelFree.share() * build.totalDurationMs()));
                }
                double budgetMs = 0;
                for (int k = 0; k < predictiveSelected; k++) {
                    budgetMs += build.tests().get(predictive.get(k)).durationMs();
                }
                orders.put(Strategy.ALL, suite);
                orders.put(Strategy.PREDICTIVE, predictive);
                orders.put(Strategy.RANDOM, shuffled(suite, config.seed() + build.order()));
                orders.put(Strategy.LAST_FAIL, Baselines.lastFail(suite, state));
                orders.put(Strategy.FAIL_DENSITY, Baselines.failDensity(suite, state));
                if (history.bytecode()) {
                    orders.put(Strategy.SAFE, safeOrder);
                }
                for (Strategy s : Strategy.values()) {
                    if (s == Strategy.SAFE && !history.bytecode()) {
                        continue; // no bytecode in replayed history: see Evaluation, reported as not applicable
                    }
                    List<String> order = orders.get(s);
                    int selected =
                            switch (s) {
                                case ALL -> suite.size();
                                case PREDICTIVE -> predictiveSelected;
                                case SAFE -> safeSelected;
                                default -> Baselines.prefixWithin(order, build.tests(), budgetMs);
                            };
                    tallies.get(s).add(order, selected, build.tests());
                    if (model != null) {
                        modelPhase.get(s).add(order, selected, build.tests());
                    }
                }
                if (build.failed()) {
                    curveFailing += build.failingClasses().size();
                    for (Strategy s : orders.keySet()) {
                        double[] caught = curveCaught.get(s);
                        for (int b = 0; b < CURVE.length; b++) {
                            caught[b] += Baselines.caughtWithin(
                                    orders.get(s), build.tests(), CURVE[b] * build.totalDurationMs());
                        }
                    }
                }
            }
            for (int k = 0; k < suite.size(); k++) {
                rows.add(features.get(k), build.tests().get(suite.get(k)).failed(), build.order());
            }
            if (modelFreeOrder != null && !suite.isEmpty()) {
                Map<String, Double> durations = new HashMap<>();
                build.tests().forEach((c, r) -> durations.put(c, r.durationMs()));
                modelFree.learn(modelFreeOrder, durations, new HashSet<>(build.failingClasses()), mustRun);
            }
            state.record(build);
            if ((i + 1) % config.retrainEvery() == 0) {
                long start = System.nanoTime();
                ModelTrainer.Outcome outcome = ModelTrainer.train(rows, config.targetRecall(), config.requirements());
                trainingMillis += (System.nanoTime() - start) / 1_000_000;
                if (outcome.ready()) {
                    model = outcome.model();
                    notReady = null;
                } else if (model == null) {
                    notReady = outcome.notReadyReason();
                }
            }
        }
        List<StrategyResult> results = new ArrayList<>();
        List<StrategyResult> modelPhaseResults = new ArrayList<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (Strategy s : Strategy.values()) {
            boolean applicable = s != Strategy.SAFE || history.bytecode();
            results.add(tallies.get(s).result(s, applicable));
            modelPhaseResults.add(modelPhase.get(s).result(s, applicable && modelBuilds > 0));
            if (applicable) {
                double[] recall = new double[CURVE.length];
                for (int b = 0; b < CURVE.length; b++) {
                    recall[b] = curveFailing == 0 ? Double.NaN : curveCaught.get(s)[b] / curveFailing;
                }
                curves.put(s.id(), recall);
            }
        }
        return new Evaluation(
                history.source(),
                builds.size(),
                replayed,
                modelBuilds,
                history.rows(),
                config,
                notReady,
                results,
                modelPhaseResults,
                CURVE.clone(),
                curves,
                trainingMillis);
    }

    /** The build's suite as policy candidates, with the replay's must-run rules (new, changed, failed last time). */
    static List<Candidate> candidates(
            List<String> suite, List<double[]> features, TrainedModel model, FeatureState state, List<String> changed) {
        double fallbackMs = suite.stream()
                .mapToDouble(c -> state.meanDurationMs(c, Double.NaN))
                .filter(d -> !Double.isNaN(d))
                .average()
                .orElse(1.0);
        List<Candidate> candidates = new ArrayList<>(suite.size());
        for (int k = 0; k < suite.size(); k++) {
            String c = suite.get(k);
            double[] x = features.get(k);
            String mustRun = HistoryMustRun.reason(x);
            candidates.add(new Candidate(c, model.model().score(x), state.meanDurationMs(c, fallbackMs), mustRun));
        }
        return candidates;
    }

    private static List<String> shuffled(List<String> suite, long seed) {
        List<String> copy = new ArrayList<>(suite);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
