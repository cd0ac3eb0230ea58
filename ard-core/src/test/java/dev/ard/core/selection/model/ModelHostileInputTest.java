package dev.ard.core.selection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoredModel;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted model rows, as a tampered shared store could hold them: each is refused with its reason, and reading
 * returns (no test here would end if a read ran away or allocated what the row declares).
 */
class ModelHostileInputTest {

    private static TrainedModel model;
    private static byte[] good;
    private static String metrics;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        ModelTrainer.Outcome o =
                ModelTrainer.train(FailureModelTest.synthetic(3000, 5), 0.95, ModelTrainer.Requirements.DEFAULT);
        model = o.model();
        good = ModelCodec.bytes(model);
        metrics = ModelCodec.metrics(model);
    }

    /**
     * The classic deserialization bomb: 100 levels of maps holding each other twice. Deserializing it hashes an
     * exponential number of keys (it would not end); the old allow-list admitted it, as it is only HashMaps.
     */
    @Test
    void theNestedHashMapBombIsRefusedUnread() throws Exception {
        byte[] bomb = HostileModels.javaSerialized(HostileModels.bomb());
        assertThat(bomb.length).isLessThan(10_000);
        assertRefused(bomb, "Java-serialized", "retrain");
        StoreConfig store = storeWith(bomb);
        assertThatThrownBy(() -> load(store)).isInstanceOf(IOException.class).hasMessageContaining("Java-serialized");
        try (TelemetryStore s = TelemetryStores.open(store)) {
            PredictiveContext context = PredictiveContext.read(s, null);
            assertThat(context.ready()).isFalse();
            assertThat(context.notReadyReason()).contains("Java-serialized").contains("retrain");
        }
    }

    @Test
    void aJavaSerializedArrayDeclaringTwoBillionElementsIsRefusedUnread() throws Exception {
        byte[] array = HostileModels.javaSerialized(new int[1]);
        // the length is the 4 bytes before the single element
        ByteBuffer.wrap(array, array.length - 8, 4).putInt(Integer.MAX_VALUE);
        assertRefused(array, "Java-serialized", "retrain");
    }

    @Test
    void countsOverTheirCapsAreRefusedBeforeAnythingIsAllocated() {
        assertRefused(
                HostileModels.row(out -> out.writeShort(ModelFormat.MAX_FEATURES + 1)),
                "feature count 257 is over the limit");
        assertRefused(
                HostileModels.row(out -> {
                    out.writeShort(1);
                    out.writeShort(0xFFFF);
                }),
                "feature name length 65535 is over the limit of 200");
        assertRefused(
                HostileModels.row(out -> {
                    header(out, 1);
                    out.writeInt(Integer.MAX_VALUE);
                }),
                "tree count 2147483647 is over the limit of 2000");
        assertRefused(
                HostileModels.row(out -> {
                    header(out, 1);
                    out.writeInt(1);
                    out.writeInt(-1); // read as unsigned: over any cap
                }),
                "node count of tree 0 4294967295 is over the limit of 4096");
    }

    @Test
    void treesThatCouldLoopOrReachOutsideThemselvesAreRefused() {
        assertRefused(tree(new int[] {0, 0, -1}, 0, 0), "node 0 has child 0");
        assertRefused(tree(new int[] {0, -1}, 2, 1), "node 0 has child 2 (must be in 1..1)");
        assertRefused(tree(new int[] {0, -1, -1}, 1, 1), "node 1 has two parents");
        assertRefused(tree(new int[] {5, -1, -1}, 1, 2), "splits on feature 5 of 1");
        assertRefused(tree(new int[] {0, -1, -1, -1}, 1, 2), "node 3 is no node's child");
        // a chain 65 splits deep
        assertRefused(
                HostileModels.row(out -> {
                    header(out, 1);
                    out.writeInt(1);
                    int n = 2 * 65 + 1;
                    out.writeInt(n);
                    for (int i = 0; i < 65; i++) {
                        split(out, 2 * i + 1, 2 * i + 2);
                        leaf(out, 0);
                    }
                    leaf(out, 0);
                }),
                "deeper than 64");
    }

    @Test
    void notANumberAndTrailingBytesAreRefused() {
        assertRefused(
                HostileModels.row(out -> {
                    header(out, 1);
                    out.writeInt(1);
                    out.writeInt(1);
                    leaf(out, Double.NaN);
                }),
                "tree 0 node 0 value is not a finite number");
        assertRefused(
                HostileModels.row(out -> {
                    header(out, 1);
                    out.writeInt(0);
                    out.writeByte(7);
                }),
                "bytes after the last tree");
    }

    @Test
    void anUnknownVersionOrAnotherFormatIsRefused() {
        byte[] next = good.clone();
        next[5] = 2;
        assertRefused(next, "unknown model format version 2 (this ARD reads version 1)");
        assertRefused("{\"trees\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "no ARDM header");
        assertRefused(new byte[0], "truncated");
    }

    @Test
    void everyTruncationIsRefused() {
        for (int length = 0; length < good.length; length += 1 + length / 50) {
            byte[] cut = java.util.Arrays.copyOf(good, length);
            assertThatThrownBy(() -> ModelCodec.read(cut, metrics, Instant.EPOCH))
                    .as("cut at %d of %d bytes", length, good.length)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("refused")
                    .hasMessageMatching(".*(truncated|checksum).*");
        }
    }

    @Test
    void flippedBitsAreRefused() {
        for (int bit = 6 * 8; bit < good.length * 8; bit += 61) {
            byte[] flipped = good.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            int at = bit;
            assertThatThrownBy(() -> ModelCodec.read(flipped, metrics, Instant.EPOCH))
                    .as("bit %d", at)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("checksum does not match");
        }
    }

    @Test
    void anOversizedRowIsNotFetchedAndRefused() throws Exception {
        byte[] huge = new byte[StoredModel.MAX_BYTES + 1];
        System.arraycopy(good, 0, huge, 0, good.length);
        StoreConfig store = storeWith(huge);
        assertThatThrownBy(() -> load(store))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refused: over the limit of " + StoredModel.MAX_BYTES + " bytes");
    }

    @Test
    void aWellFormedModelStillLoadsFromTheStore() throws Exception {
        StoreConfig store = storeWith(good);
        TrainedModel back = load(store);
        double[] x = FailureModelTest.synthetic(1, 9).x(0);
        assertThat(back.model().score(x)).isEqualTo(model.model().score(x));
    }

    private static void assertRefused(byte[] bytes, String... reason) {
        var thrown = assertThatThrownBy(() -> ModelCodec.read(bytes, metrics, Instant.EPOCH))
                .isInstanceOf(IOException.class);
        for (String r : reason) {
            thrown.hasMessageContaining(r);
        }
    }

    private StoreConfig storeWith(byte[] bytes) throws Exception {
        StoreConfig config = StoreConfig.sqlite(tmp.resolve("root"));
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.saveModel(Instant.EPOCH, metrics, bytes);
        }
        return config;
    }

    private static TrainedModel load(StoreConfig config) throws Exception {
        try (TelemetryStore store = TelemetryStores.open(config)) {
            return PredictiveModels.load(store).orElseThrow();
        }
    }

    /** One feature named "f", its importance, intercept and shrinkage. */
    private static void header(DataOutputStream out, int features) throws IOException {
        out.writeShort(features);
        for (int i = 0; i < features; i++) {
            out.writeShort(1);
            out.writeByte('f');
        }
        for (int i = 0; i < features; i++) {
            out.writeDouble(0);
        }
        out.writeDouble(0);
        out.writeDouble(0.1);
    }

    /** One tree: node 0 splits on {@code features[0]} to {@code left}/{@code right}, the other nodes are leaves. */
    private static byte[] tree(int[] features, int left, int right) {
        return HostileModels.row(out -> {
            header(out, 1);
            out.writeInt(1);
            out.writeInt(features.length);
            out.writeInt(features[0]);
            out.writeDouble(0.5);
            out.writeInt(left);
            out.writeInt(right);
            for (int i = 1; i < features.length; i++) {
                if (features[i] < 0) {
                    leaf(out, 0.1);
                } else {
                    out.writeInt(features[i]);
                    out.writeDouble(0.5);
                    out.writeInt(0);
                    out.writeInt(0);
                }
            }
        });
    }

    private static void split(DataOutputStream out, int left, int right) throws IOException {
        out.writeInt(0);
        out.writeDouble(0.5);
        out.writeInt(left);
        out.writeInt(right);
    }

    private static void leaf(DataOutputStream out, double value) throws IOException {
        out.writeInt(-1);
        out.writeDouble(value);
    }
}
