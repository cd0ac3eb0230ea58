package dev.ard.core.selection.replay;

import java.util.List;

/**
 * APFDc (Elbaum, Malishevsky, Rothermel 2001), the cost-cognizant average percentage of faults detected, with each
 * failing test class one fault of equal severity: {@code Σ_i (Σ_{j≥TF_i} t_j − t_{TF_i}/2) / (Σ_j t_j · m)} over
 * the order's durations {@code t} and the positions {@code TF_i} of the {@code m} failing tests. A duration of 0
 * counts as {@link #MIN_MS}, so instantaneous tests still take their place in the order.
 */
final class Apfdc {

    /** The least duration a test counts with. */
    public static final double MIN_MS = 1.0;

    private Apfdc() {}

    /**
     * @param durationsMs durations in run order
     * @param failing     whether each test in run order failed
     * @return APFDc in 0..1, or NaN when nothing failed
     */
    public static double of(List<Double> durationsMs, List<Boolean> failing) {
        int n = durationsMs.size();
        double total = 0;
        for (double d : durationsMs) {
            total += Math.max(MIN_MS, d);
        }
        double suffix = total; // Σ_{j ≥ i} t_j
        double sum = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            double t = Math.max(MIN_MS, durationsMs.get(i));
            if (failing.get(i)) {
                sum += suffix - t / 2;
                m++;
            }
            suffix -= t;
        }
        return m == 0 ? Double.NaN : sum / (total * m);
    }
}
