package dev.ard.core.selection.predictive;

import dev.ard.core.selection.features.Feature;
import dev.ard.core.selection.features.HistoryMustRun;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What predictive selection does before a model is calibrated, where no bytecode analysis narrows the candidates
 * (imported history): a ranking from the same features without a model — must-run first, then co-failure with the
 * changed files, name and package affinity, recent failures, impact distance when known — cut at a share of test time
 * learned from the project's own failing builds: the share this ranking needed to reach every failing class, the
 * largest over the last {@link #WINDOW} failing builds, plus a margin. Must-run classes run whatever the cut, so the
 * cut is learned only from the failing classes no must-run rule ran; a failing build whose failures were all must-run
 * teaches 0. Until a failing build has been seen, everything runs (there is nothing to learn the cut from).
 */
public final class ModelFreeRanking {

    /** Failing builds the cut is learned from. */
    public static final int WINDOW = 10;

    /** Added to the learned share: the next failure may sit a little lower than the past ones. */
    public static final double MARGIN = 0.10;

    private final Deque<Double> needed = new ArrayDeque<>();

    /** A class's model-free score: higher runs earlier. */
    public static double score(double[] x) {
        if (HistoryMustRun.reason(x) != null) {
            return 1000;
        }
        double score = 10 * x[Feature.CO_FAILURE_RATIO.ordinal()]
                + 5 * x[Feature.NAME_AFFINITY.ordinal()]
                + 2 * x[Feature.PACKAGE_AFFINITY.ordinal()]
                + 3 * x[Feature.FAILURE_RATE_RECENT.ordinal()]
                + x[Feature.FAILURE_RATE.ordinal()];
        double hops = x[Feature.GRAPH_DISTANCE.ordinal()];
        if (x[Feature.IN_SAFE_SET.ordinal()] == 1 && hops >= 0) {
            score += 4 - Math.min(3, hops);
        }
        return score;
    }

    /** The candidates, highest score first (ties by recency of failure, failure rate, name). */
    public static List<String> order(List<String> suite, List<double[]> features) {
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < suite.size(); i++) {
            index.add(i);
        }
        // ties as LastFail orders: the most recent failure first, then the highest failure rate
        index.sort(Comparator.comparingDouble((Integer i) -> -score(features.get(i)))
                .thenComparingDouble(i -> features.get(i)[Feature.RUNS_SINCE_FAILURE.ordinal()])
                .thenComparingDouble(i -> -features.get(i)[Feature.FAILURE_RATE.ordinal()])
                .thenComparing(suite::get));
        return index.stream().map(suite::get).toList();
    }

    /** The share of test time to run now: 1 until a failing build was seen, then learned (see the class comment). */
    public double share() {
        if (needed.isEmpty()) {
            return 1.0;
        }
        double max = needed.stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        return Math.min(1.0, max + MARGIN);
    }

    /**
     * Learns from a build that ran: the share of its test time {@code order} needed to reach every failing class that
     * is not in {@code mustRun} (those run whatever the cut); 0 when every failing class was must-run. A green build
     * teaches nothing.
     *
     * @param durations each class's duration in that build
     * @param mustRun   the classes a must-run rule ran in that build
     */
    public void learn(List<String> order, Map<String, Double> durations, Set<String> failing, Set<String> mustRun) {
        if (failing.isEmpty()) {
            return;
        }
        Set<String> toReach = new HashSet<>(failing);
        toReach.removeAll(mustRun);
        double total =
                durations.values().stream().mapToDouble(Double::doubleValue).sum();
        double used = 0;
        int found = 0;
        if (!toReach.isEmpty()) {
            for (String c : order) {
                used += durations.getOrDefault(c, 0.0);
                if (toReach.contains(c) && ++found == toReach.size()) {
                    break;
                }
            }
        }
        needed.addLast(toReach.isEmpty() ? 0.0 : total <= 0 ? 1.0 : Math.min(1.0, used / total));
        if (needed.size() > WINDOW) {
            needed.removeFirst();
        }
    }
}
