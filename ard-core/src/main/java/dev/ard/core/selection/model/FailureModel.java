package dev.ard.core.selection.model;

import dev.ard.core.selection.features.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import smile.base.cart.CART;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.IntVector;
import smile.regression.RegressionTree;

/**
 * P(fail | change, test) from gradient boosted trees (docs/architecture.md §4). Small trees and few rounds: the
 * signal is a handful of features, positives are rare, and training must stay in seconds for 100 k rows. Smile
 * trains them; ARD keeps and scores its own copy of the trees ({@link TreeEnsemble}), which it stores in its own
 * format ({@link ModelFormat}).
 */
public final class FailureModel {

    private static final String LABEL = "failed";

    /** Boosting rounds. */
    public static final int TREES = 100;

    static final int MAX_DEPTH = 6;
    static final int MAX_NODES = 16;
    static final int NODE_SIZE = 5;
    static final double SHRINKAGE = 0.1;
    static final double SUBSAMPLE = 0.7;
    /** Fixed: the same history gives the same model. */
    static final long SEED = 20_240_611L;

    private final TreeEnsemble trees;
    private final double[] importance;

    FailureModel(TreeEnsemble trees, double[] importance) {
        if (importance.length != trees.featureCount()) {
            throw new IllegalArgumentException(
                    importance.length + " importances for " + trees.featureCount() + " features");
        }
        this.trees = trees;
        this.importance = importance.clone();
    }

    /** True when {@code set} holds both outcomes; a model cannot be learned from one. */
    public static boolean trainable(TrainingSet set) {
        int p = set.positives();
        return p > 0 && p < set.size();
    }

    /** @throws IllegalArgumentException when the set is not {@link #trainable} */
    public static FailureModel train(TrainingSet set) {
        GradientTreeBoost boosted = boosted(set);
        return new FailureModel(
                SmileTrees.export(boosted.trees(), intercept(set), SHRINKAGE, boosted.schema()), boosted.importance());
    }

    /** Smile's model of {@code set}, before ARD copies its trees (tests compare the two's scores). */
    static GradientTreeBoost boosted(TrainingSet set) {
        if (!trainable(set)) {
            throw new IllegalArgumentException("a model needs both passing and failing rows; got " + set.positives()
                    + " failing of " + set.size());
        }
        double[][] x = new double[set.size()][];
        int[] y = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            x[i] = set.x(i);
            y[i] = set.failed(i) ? 1 : 0;
        }
        DataFrame predictors = DataFrame.of(x, Feature.names());
        Formula formula = Formula.lhs(LABEL);
        formula.bind(predictors.merge(IntVector.of(LABEL, y)).schema());
        return boost(formula, predictors, y, new Random(SEED));
    }

    /** The prior log-odds the boosting starts from, as {@link LogisticLoss#intercept} computes it. */
    private static double intercept(TrainingSet set) {
        int[] y = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            y[i] = set.failed(i) ? 1 : 0;
        }
        return new LogisticLoss(y).intercept(null);
    }

    /**
     * Smile's binary gradient boosting (logistic loss, stratified subsampling), driven here rather than through
     * {@code GradientTreeBoost.fit}: that logs one INFO line per tree, which would flood a Maven build's output.
     */
    private static GradientTreeBoost boost(Formula formula, DataFrame x, int[] y, Random random) {
        int n = y.length;
        Loss loss = new LogisticLoss(y);
        double intercept = loss.intercept(null);
        double[] output =
                loss.residual(); // the trees' running output, which the logistic loss reads its gradients from
        StructField field = new StructField("residual", DataTypes.DoubleType);
        int[][] order = CART.order(x);
        List<Integer> pos = new ArrayList<>();
        List<Integer> neg = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (y[i] == 1 ? pos : neg).add(i);
        }
        Tuple[] rows = new Tuple[n]; // made once: DataFrame.get(i) would make one per row per tree
        for (int i = 0; i < n; i++) {
            rows[i] = x.get(i);
        }
        RegressionTree[] trees = new RegressionTree[TREES];
        double[] importance = new double[x.ncols()];
        for (int t = 0; t < TREES; t++) {
            int[] samples = new int[n];
            sample(pos, samples, random);
            sample(neg, samples, random);
            trees[t] = new RegressionTree(x, loss, field, MAX_DEPTH, MAX_NODES, NODE_SIZE, x.ncols(), samples, order);
            for (int i = 0; i < n; i++) {
                output[i] += SHRINKAGE * trees[t].predict(rows[i]);
            }
            double[] imp = trees[t].importance();
            for (int j = 0; j < imp.length; j++) {
                importance[j] += imp[j];
            }
        }
        return new GradientTreeBoost(formula, trees, intercept, SHRINKAGE, importance);
    }

    /** Marks {@link #SUBSAMPLE} of a class's rows (at least one) as in this tree's sample. */
    private static void sample(List<Integer> rows, int[] samples, Random random) {
        List<Integer> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        int k = Math.max(1, (int) Math.round(SUBSAMPLE * rows.size()));
        for (int i = 0; i < k && i < shuffled.size(); i++) {
            samples[shuffled.get(i)] = 1;
        }
    }

    /** P(fail) of one feature vector. */
    public double score(double[] features) {
        return trees.score(features);
    }

    /** P(fail) of each row. */
    public double[] score(double[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = score(rows[i]);
        }
        return scores;
    }

    /** Relative importance per {@link Feature}, for reports. */
    public double[] importance() {
        return importance.clone();
    }

    TreeEnsemble trees() {
        return trees;
    }
}
