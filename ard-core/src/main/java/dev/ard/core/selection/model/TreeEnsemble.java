package dev.ard.core.selection.model;

import java.util.List;

/**
 * Gradient-boosted regression trees for a binary outcome, as ARD scores them: {@code P(fail) = 1 - 1 / (1 + e^(2f))}
 * with {@code f = intercept + shrinkage · Σ leaf(tree)}, the same arithmetic in the same order as Smile's
 * {@code GradientTreeBoost}, so a model scores identically after it was written and read back.
 *
 * @param featureCount the length of a feature vector
 * @param intercept    the prior log-odds (half, as Smile's posterior uses {@code 2f})
 * @param shrinkage    each tree's weight
 * @param trees        the trees, in boosting order
 */
record TreeEnsemble(int featureCount, double intercept, double shrinkage, List<Tree> trees) {

    TreeEnsemble {
        trees = List.copyOf(trees);
    }

    double score(double[] features) {
        if (features.length != featureCount) {
            throw new IllegalArgumentException(
                    "a feature vector of " + features.length + " values, the model expects " + featureCount);
        }
        double f = intercept;
        for (Tree tree : trees) {
            f += shrinkage * tree.leafValue(features);
        }
        double pass = 1.0 / (1.0 + Math.exp(2.0 * f));
        return 1.0 - pass;
    }

    /**
     * One regression tree as parallel arrays, node 0 the root. A node is a leaf when {@code feature[i] < 0} (its value
     * is {@code value[i]}); otherwise it sends {@code x[feature[i]] <= value[i]} to {@code left[i]}, else to
     * {@code right[i]}. Children always come after their parent, so every walk ends (checked when a tree is read).
     */
    record Tree(int[] feature, double[] value, int[] left, int[] right) {

        static final int LEAF = -1;

        int nodes() {
            return feature.length;
        }

        boolean leaf(int node) {
            return feature[node] < 0;
        }

        double leafValue(double[] x) {
            int node = 0;
            while (!leaf(node)) {
                node = x[feature[node]] <= value[node] ? left[node] : right[node];
            }
            return value[node];
        }
    }
}
