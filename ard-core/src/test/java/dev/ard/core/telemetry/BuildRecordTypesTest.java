package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The strings in {@code build.mode} and {@code build.result} are a stored format: these are the values ARD has always written. */
class BuildRecordTypesTest {

    @Test
    void modesAreStoredLowerCaseAndReadBack() {
        assertThat(RecordedMode.values())
                .extracting(RecordedMode::stored)
                .containsExactly("all", "off", "safe", "predictive", "user");
        for (RecordedMode mode : RecordedMode.values()) {
            assertThat(RecordedMode.fromStored(mode.stored())).isSameAs(mode);
        }
    }

    @Test
    void resultsAreStoredByName() {
        assertThat(BuildResult.values()).extracting(BuildResult::stored).containsExactly("SUCCESS", "FAILURE");
        assertThat(BuildResult.fromStored("FAILURE")).isSameAs(BuildResult.FAILURE);
        assertThat(BuildResult.of(true)).isSameAs(BuildResult.FAILURE);
        assertThat(BuildResult.of(false)).isSameAs(BuildResult.SUCCESS);
    }

    @Test
    void missingOrUnknownValuesReadAsNone() {
        assertThat(RecordedMode.fromStored(null)).isNull();
        assertThat(RecordedMode.fromStored("ALL")).isNull(); // never written that way
        assertThat(RecordedMode.fromStored("turbo")).isNull();
        assertThat(BuildResult.fromStored(null)).isNull();
        assertThat(BuildResult.fromStored("success")).isNull();
    }

    @Test
    void onlyModesOfArdsOwnChoiceCanBeASelectionBase() {
        assertThat(RecordedMode.values())
                .filteredOn(RecordedMode::accountsForEveryTest)
                .containsExactly(RecordedMode.ALL, RecordedMode.SAFE, RecordedMode.PREDICTIVE);
    }
}
