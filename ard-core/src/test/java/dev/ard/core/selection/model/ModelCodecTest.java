package dev.ard.core.selection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
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
    void theAllowListIsExactlyWhatAModelHolds() throws Exception {
        byte[] bytes = ModelCodec.bytes(trained());
        Set<String> seen = new TreeSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> {
                if (info.serialClass() != null) {
                    seen.add(info.serialClass().getName());
                }
                return ObjectInputFilter.Status.UNDECIDED;
            });
            in.readObject();
        }
        assertThat(ModelCodec.ALLOWED).containsAll(seen);
    }

    @Test
    void anythingElseIsRefusedBeforeItIsBuilt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(new ArrayList<>(java.util.List.of("a gadget would sit here")));
        }
        String metrics = ModelCodec.metrics(trained());
        assertThatThrownBy(() -> ModelCodec.read(out.toByteArray(), metrics, Instant.EPOCH))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("allow-list");
    }

    @Test
    void aModelOfOtherFeaturesIsRefused() {
        TrainedModel model = trained();
        String other = ModelCodec.metrics(model).replace("co_failure", "something_else");
        assertThatThrownBy(() -> ModelCodec.read(ModelCodec.bytes(model), other, Instant.EPOCH))
                .hasMessageContaining("retrain");
    }
}
