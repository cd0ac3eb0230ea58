package dev.ard.core.selection.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.selection.features.Feature;
import dev.ard.core.selection.predictive.Calibration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Set;

/**
 * A {@link TrainedModel} as the store keeps it: the trees as Java serialization bytes, everything else as JSON
 * metrics. Reading goes through an {@link ObjectInputFilter} that admits exactly the classes a model consists of
 * (no package wildcards), with limits on depth, references, array length and size; anything else is rejected
 * before it is instantiated, so a tampered shared store cannot run gadget chains in every build.
 */
final class ModelCodec {

    /** The classes of a serialized {@link FailureModel} (checked by a test that records what a real model holds). */
    static final Set<String> ALLOWED = Set.of(
            FailureModel.class.getName(),
            "smile.classification.GradientTreeBoost",
            "smile.regression.RegressionTree",
            "[Lsmile.regression.RegressionTree;",
            "smile.base.cart.CART",
            "smile.base.cart.Node",
            "smile.base.cart.InternalNode",
            "smile.base.cart.OrdinalNode",
            "smile.base.cart.NominalNode",
            "smile.base.cart.LeafNode",
            "smile.base.cart.RegressionNode",
            "smile.data.formula.Formula",
            "smile.data.formula.Dot",
            "smile.data.formula.Variable",
            "[Lsmile.data.formula.Term;",
            "smile.data.type.StructType",
            "smile.data.type.StructField",
            "[Lsmile.data.type.StructField;",
            "smile.data.type.DoubleType",
            "smile.data.type.IntegerType",
            "smile.util.IntSet",
            "java.util.HashMap",
            "[Ljava.util.Map$Entry;",
            "java.lang.Integer",
            "java.lang.Number",
            "[D",
            "[I");

    static final ObjectInputFilter FILTER = info -> {
        if (info.depth() > 200
                || info.references() > 2_000_000
                || info.streamBytes() > 64L << 20
                || info.arrayLength() > 10_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        return ALLOWED.contains(c.getName()) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCodec() {}

    public static byte[] bytes(TrainedModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(model.model());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the model", e); // in-memory, all classes serializable
        }
        return out.toByteArray();
    }

    /** The metrics JSON: training size, held-out recall, threshold and the feature columns the model expects. */
    public static String metrics(TrainedModel model) {
        ObjectNode o = JSON.createObjectNode();
        Calibration c = model.calibration();
        o.put("trainingRows", model.trainingRows());
        o.put("builds", model.builds());
        o.put("failingRows", model.failingRows());
        o.put("targetRecall", c.targetRecall());
        o.put("threshold", Double.isInfinite(c.threshold()) ? "Infinity" : Double.toString(c.threshold()));
        o.put("heldOutRecall", c.heldOutRecall());
        o.put("heldOutFailures", c.heldOutFailures());
        o.put("heldOutRows", c.heldOutRows());
        o.put("heldOutSelected", c.heldOutSelected());
        o.put("features", String.join(",", Feature.names()));
        return o.toString();
    }

    /**
     * @throws IOException when the bytes are not a model of this version's features or hold a class outside the
     *                     allow-list (the message names it)
     */
    public static TrainedModel read(byte[] bytes, String metrics, Instant trainedAt) throws IOException {
        var m = JSON.readTree(metrics);
        if (!String.join(",", Feature.names()).equals(m.path("features").asText())) {
            throw new IOException("the stored model was trained on other features; retrain with ard:train");
        }
        FailureModel model;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object o = in.readObject();
            if (!(o instanceof FailureModel f)) {
                throw new IOException("the stored bytes are not a model");
            }
            model = f;
        } catch (InvalidClassException e) {
            throw new IOException(
                    "the stored model was refused by the deserialization allow-list: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IOException("the stored model needs a class this ARD does not have: " + e.getMessage(), e);
        }
        String t = m.path("threshold").asText();
        Calibration c = new Calibration(
                m.path("targetRecall").asDouble(),
                "Infinity".equals(t) ? Double.POSITIVE_INFINITY : Double.parseDouble(t),
                m.path("heldOutFailures").asInt(),
                m.path("heldOutRows").asInt(),
                m.path("heldOutRecall").asDouble(),
                m.path("heldOutSelected").asDouble());
        return new TrainedModel(
                model,
                c,
                trainedAt,
                m.path("trainingRows").asInt(),
                m.path("builds").asInt(),
                m.path("failingRows").asInt());
    }
}
