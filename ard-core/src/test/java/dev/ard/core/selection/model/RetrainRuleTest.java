package dev.ard.core.selection.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrainRuleTest {

    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    private static List<Instant> newestFirst(int count, Instant oldest) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> oldest.plusSeconds(60L * (count - 1 - i)))
                .toList();
    }

    @Test
    void dueOnceEveryBuildsWereStoredSinceTheModel() {
        assertThat(PredictiveModels.due(newestFirst(3, T.plusSeconds(1)), T, "b", 3))
                .isTrue();
        assertThat(PredictiveModels.due(newestFirst(3, T.minusSeconds(1)), T, "b", 3))
                .as("one of them is older than the model")
                .isFalse();
        assertThat(PredictiveModels.due(newestFirst(2, T.plusSeconds(1)), T, "b", 3))
                .as("fewer builds than every")
                .isFalse();
    }

    @Test
    void withoutAModelAboutOneBuildInEveryTries() {
        List<Instant> enough = newestFirst(5, T);
        long tries = java.util.stream.IntStream.range(0, 5000)
                .filter(i -> PredictiveModels.due(
                        enough, null, java.util.UUID.randomUUID().toString(), 5))
                .count();
        assertThat(tries).isBetween(700L, 1300L);
        assertThat(PredictiveModels.due(newestFirst(4, T), null, "any", 5)).isFalse();
    }

    @Test
    void aModelThisArdCannotUseIsDueForRetrainingAtOnce() throws Exception {
        java.io.ByteArrayOutputStream legacy = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(legacy)) {
            out.writeObject(new double[] {1, 2}); // what an older ARD stored: Java serialization
        }
        var old = new dev.ard.core.telemetry.StoredModel(1, T, "{}", legacy.toByteArray());
        assertThat(PredictiveModels.trainedAtIfUsable(old)).isEqualTo(Instant.MIN);
        assertThat(PredictiveModels.due(newestFirst(3, T.minusSeconds(600)), Instant.MIN, "b", 3))
                .as("builds older than the unusable model's training still count")
                .isTrue();
        var withheld = new dev.ard.core.telemetry.StoredModel(2, T, "", new byte[0], 10L << 20);
        assertThat(PredictiveModels.trainedAtIfUsable(withheld)).isEqualTo(Instant.MIN);
    }
}
