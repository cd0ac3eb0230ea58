package dev.ard.core.selection.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

    @Test
    void percentagesAndDurations() {
        assertThat(TimeBudget.parse("30%").limitMs(1000)).isEqualTo(300);
        assertThat(TimeBudget.parse(" 5m ").absolute()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeBudget.parse("90s").limitMs(1)).isEqualTo(90_000);
        assertThat(TimeBudget.parse("1h").absolute()).isEqualTo(Duration.ofHours(1));
        assertThat(TimeBudget.parse("1500ms").limitMs(0)).isEqualTo(1500);
        assertThat(TimeBudget.parse(null).isNone()).isTrue();
        assertThat(TimeBudget.parse("").limitMs(5)).isInfinite();
        assertThat(TimeBudget.parse("30%").toString()).isEqualTo("30.0%");
        assertThat(TimeBudget.parse("5m").toString()).isEqualTo("5m");
    }

    @Test
    void nonsenseIsRefusedWithTheValue() {
        assertThatThrownBy(() -> TimeBudget.parse("fast")).hasMessageContaining("fast");
        assertThatThrownBy(() -> TimeBudget.parse("0%")).hasMessageContaining("0%");
        assertThatThrownBy(() -> TimeBudget.parse("150%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeBudget.parse("5d")).isInstanceOf(IllegalArgumentException.class);
    }
}
