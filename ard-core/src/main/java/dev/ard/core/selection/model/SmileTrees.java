package dev.ard.core.selection.model;

import java.util.ArrayList;
import java.util.List;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Copies Smile's trained trees node by node into a {@link TreeEnsemble}. Smile's public API gives each split's feature
 * and children but not its threshold ({@code OrdinalNode.value} is package-private), so the threshold is recovered
 * exactly through the public {@link OrdinalNode#branch}: {@code x <= threshold} holds for the largest double
 * {@code x} that equals the threshold, found by bisection over the doubles' total order (64 probes).
 */
final class SmileTrees {

    private SmileTrees() {}

    static TreeEnsemble export(RegressionTree[] trees, double intercept, double shrinkage, StructType schema) {
        List<TreeEnsemble.Tree> exported = new ArrayList<>(trees.length);
        for (RegressionTree tree : trees) {
            exported.add(export(tree.root(), schema));
        }
        return new TreeEnsemble(schema.length(), intercept, shrinkage, exported);
    }

    private static TreeEnsemble.Tree export(Node root, StructType schema) {
        List<Node> order = new ArrayList<>(); // pre-order: children after their parent
        collect(root, order);
        int n = order.size();
        int[] feature = new int[n];
        double[] value = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        java.util.Map<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(order.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Node node = order.get(i);
            if (node instanceof OrdinalNode split) {
                feature[i] = split.feature();
                value[i] = threshold(split, schema);
                left[i] = index.get(split.trueChild());
                right[i] = index.get(split.falseChild());
            } else if (node instanceof RegressionNode leaf) {
                feature[i] = TreeEnsemble.Tree.LEAF;
                value[i] = leaf.output();
                left[i] = TreeEnsemble.Tree.LEAF;
                right[i] = TreeEnsemble.Tree.LEAF;
            } else {
                // Every feature is numeric, so Smile makes ordinal splits and regression leaves only.
                throw new IllegalStateException(
                        "unexpected tree node " + node.getClass().getName());
            }
        }
        return new TreeEnsemble.Tree(feature, value, left, right);
    }

    private static void collect(Node node, List<Node> order) {
        order.add(node);
        if (node instanceof InternalNode split) {
            collect(split.trueChild(), order);
            collect(split.falseChild(), order);
        }
    }

    /** The split's threshold: the largest double sent to the true child. */
    static double threshold(OrdinalNode split, StructType schema) {
        double[] x = new double[schema.length()];
        long low = orderKey(Double.NEGATIVE_INFINITY);
        long high = orderKey(Double.POSITIVE_INFINITY);
        if (!sendsLeft(split, schema, x, Double.NEGATIVE_INFINITY)) {
            throw new IllegalStateException("a split that sends nothing to its true child");
        }
        // invariant: key(low) goes left; everything above high goes right
        while (low < high) {
            long mid = low + ((high - low + 1) >>> 1); // unsigned: the range spans more than Long.MAX_VALUE
            if (sendsLeft(split, schema, x, fromOrderKey(mid))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return fromOrderKey(low);
    }

    private static boolean sendsLeft(OrdinalNode split, StructType schema, double[] x, double v) {
        x[split.feature()] = v;
        return split.branch(Tuple.of(x, schema));
    }

    /** Maps doubles (NaN aside) to longs in the same order. */
    private static long orderKey(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double fromOrderKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
