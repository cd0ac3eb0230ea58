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
 * (imported history): a ranking from the same features without a model, cut at a share of test time learned from the
 * project's own failing builds. Until a failing build has been seen, everything runs (there is nothing to learn the
 * cut from).
 *
 * <p>Order: the must-run classes first (they run whatever the cut), by their {@link #score evidence}, shorter first on
 * ties; then the others by evidence per expected millisecond (Smith's rule: with failure odds proportional to the
 * score, that order finds failures soonest per unit of test time, which is what APFDc measures and what a time cut
 * keeps). The cut is the share of test time this order needed to reach every failing class that no must-run rule ran,
 * the largest over the last {@link #WINDOW} failing builds, plus a {@link #MARGIN}; a failing build whose failures
 * were all must-run teaches 0 (must-run alone caught them), so a project whose failures are caught by must-run rules
 * stops running everything after its first failing build.
 */
public final class ModelFreeRanking {

    /** Failing builds the cut is learned from. */
    public static final int WINDOW = 10;

    /** Added to the learned share: the next failure may sit a little lower than the past ones. */
    public static final double MARGIN = 0.10;

    private final Deque<Double> needed = new ArrayDeque<>();

    /**
     * A class's evidence of failing from the change and its history, without a model (0 when there is none): co-failure
     * with the changed files, name and package affinity, recent and overall failures, nearness to a change when known.
     * Must-run rules are not part of it: {@link #order} puts those classes first.
     */
    public static double score(double[] x) {
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

    /** The candidates in run order (see the class comment); ties by shorter expected duration, then name. */
    public static List<String> order(List<String> suite, List<double[]> features) {
        int n = suite.size();
        boolean[] mustRun = new boolean[n];
        double[] evidence = new double[n];
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = features.get(i);
            mustRun[i] = HistoryMustRun.reason(x) != null;
            evidence[i] = score(x);
            ms[i] = expectedMs(x);
        }
        List<Integer> index = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            index.add(i);
        }
        // must-run classes all run, so their order only decides how soon a failure shows: the strongest evidence
        // (a recent failure) first; the others compete for the cut, so evidence per millisecond decides
        index.sort(Comparator.comparing((Integer i) -> !mustRun[i])
                .thenComparingDouble(i -> mustRun[i] ? -evidence[i] : -evidence[i] / ms[i])
                .thenComparingDouble(i -> ms[i])
                .thenComparing(suite::get));
        return index.stream().map(suite::get).toList();
    }

    /** The class's mean duration from its features, at least 1 ms (as APFDc counts it: an instant test is not free). */
    static double expectedMs(double[] x) {
        return Math.max(1.0, Math.expm1(x[Feature.MEAN_DURATION.ordinal()]));
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
