package dev.ard.core.selection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static TrainedModel trained() {
        ModelTrainer.Outcome o =
                ModelTrainer.train(FailureModelTest.synthetic(3000, 5), 0.95, ModelTrainer.Requirements.DEFAULT);
        assertThat(o.ready()).isTrue();
        return o.model();
    }

    @Test
    void aModelRoundTripsThroughTheAllowListAndScoresTheSame() throws Exception {
        TrainedModel model = trained();
        TrainedModel back = ModelCodec.read(ModelCodec.bytes(model), ModelCodec.metrics(model), Instant.EPOCH);
        TrainingSet rows = FailureModelTest.synthetic(200, 6);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.model().score(rows.x(i))).isEqualTo(model.model().score(rows.x(i)));
        }
        assertThat(back.calibration()).isEqualTo(model.calibration());
        assertThat(back.trainingRows()).isEqualTo(model.trainingRows());
    }

    @Test
    void aModelIsWrittenInArdsVersionedFormatNotJavaSerialization() {
        byte[] bytes = ModelCodec.bytes(trained());
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ARDM");
        assertThat(((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF)).isEqualTo(ModelFormat.VERSION);
        assertThat(ModelCodec.javaSerialized(bytes)).isFalse();
    }

    @Test
    void javaSerializedBytesAreNeverDeserializedButRefusedWithAWordToRetrain() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(new ArrayList<>(java.util.List.of("a gadget would sit here")));
        }
        String metrics = ModelCodec.metrics(trained());
        assertThatThrownBy(() -> ModelCodec.read(out.toByteArray(), metrics, Instant.EPOCH))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Java-serialized")
                .hasMessageContaining("retrain");
    }

    @Test
    void aModelOfOtherFeaturesIsRefused() {
        TrainedModel model = trained();
        String other = ModelCodec.metrics(model).replace("co_failure", "something_else");
        assertThatThrownBy(() -> ModelCodec.read(ModelCodec.bytes(model), other, Instant.EPOCH))
                .hasMessageContaining("retrain");
    }
}
