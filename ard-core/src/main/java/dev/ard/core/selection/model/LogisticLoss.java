package dev.ard.core.selection.model;

import smile.base.cart.Loss;

/**
 * Binary logistic loss for Smile's regression trees, with an L2 term on the leaf values. Smile's own
 * {@code Loss.logistic} divides by the summed Hessian alone, which is 0 once a leaf's rows are all fitted with
 * certainty: the leaf becomes NaN and so does every later score. With failures this rare such leaves are common,
 * so the Newton step here is {@code Σ g / (Σ h + λ)}, clamped (XGBoost's regularisation).
 */
final class LogisticLoss implements Loss {

    /** λ, the L2 penalty on leaf values. */
    static final double LAMBDA = 1.0;
    /** The largest leaf value in log-odds. */
    static final double MAX_STEP = 4.0;

    private final int[] sign; // label as -1 / +1
    private final double[] gradient;
    private final double[] output;

    LogisticLoss(int[] labels) {
        int n = labels.length;
        sign = new int[n];
        for (int i = 0; i < n; i++) {
            sign[i] = labels[i] == 1 ? 1 : -1;
        }
        gradient = new double[n];
        output = new double[n];
    }

    @Override
    public double output(int[] nodeSamples, int[] sampleCount) {
        double g = 0;
        double h = 0;
        for (int i : nodeSamples) {
            double abs = Math.abs(gradient[i]);
            g += gradient[i];
            h += abs * (2.0 - abs);
        }
        double step = g / (h + LAMBDA);
        return Math.max(-MAX_STEP, Math.min(MAX_STEP, step));
    }

    /** Sets every row's output to the prior log-odds (half, as Smile's posterior uses {@code 2f}) and returns it. */
    @Override
    public double intercept(double[] ignored) {
        double mean = 0;
        for (int s : sign) {
            mean += s;
        }
        mean /= sign.length;
        double b = 0.5 * Math.log((1 + mean) / (1 - mean));
        java.util.Arrays.fill(output, b);
        return b;
    }

    /** The negative gradient at the current output, the regression target of the next tree. */
    @Override
    public double[] response() {
        for (int i = 0; i < sign.length; i++) {
            gradient[i] = 2.0 * sign[i] / (1 + Math.exp(2 * sign[i] * output[i]));
        }
        return gradient;
    }

    /** The trees' running output per row; the booster adds each tree's prediction to it. */
    @Override
    public double[] residual() {
        return output;
    }
}
