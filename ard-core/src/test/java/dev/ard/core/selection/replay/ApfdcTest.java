package dev.ard.core.selection.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApfdcTest {

    @Test
    void aFailureFirstScoresHighLastScoresLow() {
        // equal durations, 4 tests, fault at position 1: (4 - 0.5) / 4 = 0.875; at position 4: 0.5 / 4 = 0.125
        assertThat(Apfdc.of(List.of(1.0, 1.0, 1.0, 1.0), List.of(true, false, false, false)))
                .isCloseTo(0.875, offset(1e-9));
        assertThat(Apfdc.of(List.of(1.0, 1.0, 1.0, 1.0), List.of(false, false, false, true)))
                .isCloseTo(0.125, offset(1e-9));
    }

    @Test
    void costAware() {
        // a slow test before the failing one costs more than a fast one: (10 - 0.5) / 10 vs (10 - 9 - 0.5) / 10
        assertThat(Apfdc.of(List.of(1.0, 9.0), List.of(true, false))).isCloseTo(0.95, offset(1e-9));
        assertThat(Apfdc.of(List.of(9.0, 1.0), List.of(false, true))).isCloseTo(0.05, offset(1e-9));
        // zero durations count as the minimum
        assertThat(Apfdc.of(List.of(0.0, 0.0), List.of(true, false))).isCloseTo(0.75, offset(1e-9));
    }

    @Test
    void nothingFailedIsNaN() {
        assertThat(Apfdc.of(List.of(1.0), List.of(false))).isNaN();
    }
}
