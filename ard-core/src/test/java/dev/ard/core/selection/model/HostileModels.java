package dev.ard.core.selection.model;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Crafted model rows for the hostile-input tests: what a tampered shared store could hold. */
public final class HostileModels {
    private HostileModels() {}

    /** Writes the part of a row after the version. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** "ARDM", {@code version}, {@code body} and a correct CRC-32: only the structure is hostile. */
    public static byte[] row(int version, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(ModelFormat.MAGIC);
            out.writeShort(version);
            body.write(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #row} in the current format version. */
    public static byte[] row(Body body) {
        return row(ModelFormat.VERSION, body);
    }

    /**
     * The classic deserialization bomb: 100 levels of maps holding each other twice. Deserializing it hashes an
     * exponential number of keys (it would not end); an allow-list of collection classes admits it.
     */
    public static Map<Object, Object> bomb() {
        Map<Object, Object> root = new HashMap<>();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Map<Object, Object> t1 = new HashMap<>();
            Map<Object, Object> t2 = new HashMap<>();
            t1.put("foo", "bar");
            s1.put(t1, "x");
            s1.put(t2, "x");
            s2.put(t1, "x");
            s2.put(t2, "x");
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    /** Stores {@code row} as the model of a new SQLite store under {@code root} and loads it as a build would. */
    public static TrainedModel load(Path root, byte[] row) throws Exception {
        StoreConfig config = StoreConfig.sqlite(root);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.saveModel(Instant.EPOCH, "{}", row);
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            return PredictiveModels.load(store).orElseThrow();
        }
    }

    public static byte[] javaSerialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
