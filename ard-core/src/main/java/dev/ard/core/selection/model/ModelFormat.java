package dev.ard.core.selection.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * ARD's own model format, written and read field by field (no Java serialization: a shared store must be neither a
 * code channel nor a way to hang or exhaust every build). Big-endian:
 *
 * <pre>
 * "ARDM" version:u16
 * featureCount:u16 { nameLength:u16 name:UTF-8 }*   the feature columns, in order
 * importance:f64 * featureCount
 * intercept:f64 shrinkage:f64
 * treeCount:u32 { nodeCount:u32 { feature:i32 value:f64 [left:i32 right:i32 when feature ≥ 0] }* }*
 * crc32:u32                                         of every byte before it
 * </pre>
 *
 * The checksum makes a truncated or altered blob a refusal rather than a different model. Reading checks every count against a cap before it allocates, every child index (after its parent, inside the
 * tree), the depth, the numbers (finite) and that nothing trails; any violation is an {@link IOException} whose
 * message says "refused" and why.
 */
final class ModelFormat {

    static final byte[] MAGIC = {'A', 'R', 'D', 'M'};
    static final int VERSION = 1;

    static final int MAX_FEATURES = 256;
    static final int MAX_NAME_BYTES = 200;
    static final int MAX_TREES = 2_000;
    static final int MAX_NODES = 4_096;
    static final int MAX_DEPTH = 64;

    /** The model as read: its trees, the feature names they expect, and the features' importance. */
    record Decoded(List<String> features, double[] importance, TreeEnsemble trees) {}

    private ModelFormat() {}

    static byte[] write(List<String> features, double[] importance, TreeEnsemble ensemble) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeShort(features.size());
            for (String name : features) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                out.writeShort(utf8.length);
                out.write(utf8);
            }
            for (double d : importance) {
                out.writeDouble(d);
            }
            out.writeDouble(ensemble.intercept());
            out.writeDouble(ensemble.shrinkage());
            out.writeInt(ensemble.trees().size());
            for (TreeEnsemble.Tree tree : ensemble.trees()) {
                out.writeInt(tree.nodes());
                for (int i = 0; i < tree.nodes(); i++) {
                    out.writeInt(tree.feature()[i]);
                    out.writeDouble(tree.value()[i]);
                    if (!tree.leaf(i)) {
                        out.writeInt(tree.left()[i]);
                        out.writeInt(tree.right()[i]);
                    }
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the model in memory", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException "refused: …" when the bytes are not a well-formed model of this format version */
    static Decoded read(byte[] bytes) throws IOException {
        int body = bytes.length - Integer.BYTES;
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, Math.max(0, body)));
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw refused("not in ARD's model format (no ARDM header)");
            }
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw refused("unknown model format version " + version + " (this ARD reads version " + VERSION + ")");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, body);
            if ((int) crc.getValue()
                    != ByteBuffer.wrap(bytes, body, Integer.BYTES).getInt()) {
                throw refused("damaged: its checksum does not match (truncated or altered)");
            }
            int featureCount = capped("feature count", in.readUnsignedShort(), MAX_FEATURES);
            List<String> features = new ArrayList<>(featureCount);
            for (int i = 0; i < featureCount; i++) {
                byte[] name = new byte[capped("feature name length", in.readUnsignedShort(), MAX_NAME_BYTES)];
                in.readFully(name);
                features.add(new String(name, StandardCharsets.UTF_8));
            }
            double[] importance = new double[featureCount];
            for (int i = 0; i < featureCount; i++) {
                importance[i] = finite("importance", in.readDouble());
            }
            double intercept = finite("intercept", in.readDouble());
            double shrinkage = finite("shrinkage", in.readDouble());
            int treeCount = capped("tree count", in.readInt(), MAX_TREES);
            List<TreeEnsemble.Tree> trees = new ArrayList<>(treeCount);
            for (int t = 0; t < treeCount; t++) {
                trees.add(readTree(in, t, featureCount));
            }
            if (in.read() != -1) {
                throw refused("bytes after the last tree");
            }
            return new Decoded(features, importance, new TreeEnsemble(featureCount, intercept, shrinkage, trees));
        } catch (EOFException e) {
            throw refused("truncated (the bytes end inside the model)");
        }
    }

    private static TreeEnsemble.Tree readTree(DataInputStream in, int t, int featureCount) throws IOException {
        int n = capped("node count of tree " + t, in.readInt(), MAX_NODES);
        if (n == 0) {
            throw refused("tree " + t + " has no nodes");
        }
        int[] feature = new int[n];
        double[] value = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        int[] depth = new int[n];
        boolean[] reached = new boolean[n];
        reached[0] = true;
        for (int i = 0; i < n; i++) {
            if (!reached[i]) {
                throw refused("tree " + t + " node " + i + " is no node's child");
            }
            feature[i] = in.readInt();
            value[i] = finite("tree " + t + " node " + i + " value", in.readDouble());
            if (feature[i] == TreeEnsemble.Tree.LEAF) {
                left[i] = TreeEnsemble.Tree.LEAF;
                right[i] = TreeEnsemble.Tree.LEAF;
                continue;
            }
            if (feature[i] < 0 || feature[i] >= featureCount) {
                throw refused("tree " + t + " node " + i + " splits on feature " + feature[i] + " of " + featureCount);
            }
            left[i] = child(in.readInt(), i, n, t, reached);
            right[i] = child(in.readInt(), i, n, t, reached);
            if (depth[i] + 1 > MAX_DEPTH) {
                throw refused("tree " + t + " is deeper than " + MAX_DEPTH);
            }
            depth[left[i]] = depth[i] + 1;
            depth[right[i]] = depth[i] + 1;
        }
        return new TreeEnsemble.Tree(feature, value, left, right);
    }

    /** A child comes after its parent and has one parent: the tree has no cycles and every walk ends. */
    private static int child(int child, int parent, int n, int t, boolean[] reached) throws IOException {
        if (child <= parent || child >= n) {
            throw refused("tree " + t + " node " + parent + " has child " + child + " (must be in " + (parent + 1)
                    + ".." + (n - 1) + ")");
        }
        if (reached[child]) {
            throw refused("tree " + t + " node " + child + " has two parents");
        }
        reached[child] = true;
        return child;
    }

    private static int capped(String what, int count, int cap) throws IOException {
        if (count < 0 || count > cap) {
            throw refused(what + " " + Integer.toUnsignedString(count) + " is over the limit of " + cap);
        }
        return count;
    }

    private static double finite(String what, double d) throws IOException {
        if (!Double.isFinite(d)) {
            throw refused(what + " is not a finite number");
        }
        return d;
    }

    private static IOException refused(String reason) {
        return new IOException("the stored model was refused: " + reason);
    }
}
