package dev.ard.core.selection.predictive;

import java.util.Arrays;

/**
 * The score threshold that reaches a target recall on held-out history, counting what the must-run rules already
 * catch: of {@code k} held-out failures, {@code m} are must-run rows; the threshold is the lowest score among the
 * {@code ceil(targetRecall × k) − m} highest-scored other failing rows, so at least the target share of held-out
 * failures is must-run or scores at or above it. When must-run alone reaches the target, the threshold is
 * {@code +∞} (nothing but must-run).
 *
 * @param targetRecall    the recall asked for
 * @param threshold       run candidates scoring at least this
 * @param heldOutFailures failing rows in the held-out data
 * @param heldOutRows     rows in the held-out data
 * @param heldOutRecall   the recall the threshold reaches on the held-out data
 * @param heldOutSelected share of held-out rows scoring at or above the threshold (the cost)
 */
public record Calibration(
        double targetRecall,
        double threshold,
        int heldOutFailures,
        int heldOutRows,
        double heldOutRecall,
        double heldOutSelected) {

    /**
     * @param scores  scores of the held-out rows
     * @param failed  their labels
     * @param mustRun whether each row runs whatever its score
     * @throws IllegalArgumentException when there is no held-out failure to calibrate on
     */
    public static Calibration of(double targetRecall, double[] scores, boolean[] failed, boolean[] mustRun) {
        double[] failing = new double[scores.length];
        int k = 0;
        int m = 0;
        int scored = 0;
        for (int i = 0; i < scores.length; i++) {
            if (failed[i]) {
                k++;
                if (mustRun[i]) {
                    m++;
                } else {
                    failing[scored++] = scores[i];
                }
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("no failing row in the held-out history");
        }
        double[] sorted = Arrays.copyOf(failing, scored);
        Arrays.sort(sorted); // ascending
        int needed = (int) Math.ceil(targetRecall * k - 1e-9) - m;
        double threshold = needed <= 0 ? Double.POSITIVE_INFINITY : sorted[scored - Math.min(scored, needed)];
        int caught = 0;
        int selected = 0;
        for (int i = 0; i < scores.length; i++) {
            if (mustRun[i] || scores[i] >= threshold) {
                selected++;
                if (failed[i]) {
                    caught++;
                }
            }
        }
        return new Calibration(
                targetRecall, threshold, k, scores.length, (double) caught / k, (double) selected / scores.length);
    }
}
