package dev.ard.core.selection.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.selection.features.Feature;
import dev.ard.core.selection.predictive.Calibration;
import java.io.IOException;
import java.time.Instant;

/**
 * A {@link TrainedModel} as the store keeps it: the trees in ARD's own format ({@link ModelFormat}, read with caps on
 * every count), everything else as JSON metrics. Models Java-serialized by older ARD versions are not read at all:
 * they are refused with a word to retrain, and the next training replaces them.
 */
final class ModelCodec {

    /** The first two bytes of every Java serialization stream ({@code STREAM_MAGIC}). */
    private static final int JAVA_SERIALIZATION_MAGIC = 0xACED;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCodec() {}

    public static byte[] bytes(TrainedModel model) {
        FailureModel m = model.model();
        return ModelFormat.write(java.util.List.of(Feature.names()), m.importance(), m.trees());
    }

    /** Bytes an older ARD wrote with Java serialization: never deserialized, the model is retrained. */
    static boolean javaSerialized(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF)) == JAVA_SERIALIZATION_MAGIC;
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
     * @throws IOException when the bytes are not a model of this format and version, break one of its limits, or were
     *                     trained on other features (the message says which, and to retrain)
     */
    public static TrainedModel read(byte[] bytes, String metrics, Instant trainedAt) throws IOException {
        if (javaSerialized(bytes)) {
            throw new IOException(
                    "the stored model is in the Java-serialized format of an older ARD, which is no longer"
                            + " read; ignored until it is retrained (ard:train, or the automatic retraining)");
        }
        ModelFormat.Decoded decoded = ModelFormat.read(bytes);
        var m = JSON.readTree(metrics);
        if (!java.util.List.of(Feature.names()).equals(decoded.features())
                || !String.join(",", Feature.names()).equals(m.path("features").asText())) {
            throw new IOException("the stored model was trained on other features; retrain with ard:train");
        }
        FailureModel model = new FailureModel(decoded.trees(), decoded.importance());
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
