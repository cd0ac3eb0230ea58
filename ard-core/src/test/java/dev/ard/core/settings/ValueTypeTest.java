package dev.ard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.selection.predictive.TimeBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void flagIsTrueOrFalseInAnyCaseAndTrueWhenGivenWithoutValue() {
        ValueType.Flag flag = new ValueType.Flag();
        assertThat(flag.parse("ard.explain", " TRUE ")).isTrue();
        assertThat(flag.parse("ard.explain", "false")).isFalse();
        assertThat(flag.parse("ard.explain", "")).isTrue();
        assertThatThrownBy(() -> flag.parse("ard.strict", "yes"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("ard.strict='yes' is not true or false");
    }

    @Test
    void wholeNumberHasALowerBound() {
        ValueType.WholeNumber count = new ValueType.WholeNumber(0);
        assertThat(count.parse("ard.train.every", " 0 ")).isZero();
        assertThat(count.parse("ard.train.every", "75")).isEqualTo(75L);
        assertThatThrownBy(() -> count.parse("ard.train.every", "-1"))
                .hasMessage("ard.train.every='-1' is not a whole number ≥ 0");
        assertThatThrownBy(() -> count.parse("ard.train.every", "ten")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> count.parse("ard.train.every", "1.5")).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void decimalIsInItsHalfOpenRange() {
        ValueType.Decimal recall = new ValueType.Decimal(0, 1);
        assertThat(recall.parse("ard.targetRecall", "1")).isEqualTo(1.0);
        assertThat(recall.parse("ard.targetRecall", "0.95")).isEqualTo(0.95);
        assertThatThrownBy(() -> recall.parse("ard.targetRecall", "0"))
                .hasMessage("ard.targetRecall='0' is not a number in (0.0, 1.0]");
        assertThatThrownBy(() -> recall.parse("ard.targetRecall", "1.01")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> recall.parse("ard.targetRecall", "most")).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void listDropsBlanksAndTrims() {
        assertThat(new ValueType.CommaList().parse("ard.mustRun", " *SmokeTest, ,com.x.** ,"))
                .containsExactly("*SmokeTest", "com.x.**");
    }

    @Test
    void choiceIsCaseInsensitiveAndNamesTheWords() {
        ValueType.Choice mode = new ValueType.Choice(List.of("off", "all", "safe"));
        assertThat(mode.parse("ard.selection", " SAFE ")).isEqualTo("safe");
        assertThatThrownBy(() -> mode.parse("ard.selection", "offf"))
                .hasMessage("ard.selection='offf' is not one of off, all, safe");
    }

    @Test
    void budgetIsAShareOrADuration() {
        ValueType.Budget budget = new ValueType.Budget();
        assertThat(budget.parse("ard.timeBudget", "30%")).isEqualTo(TimeBudget.fraction(0.3));
        assertThat(budget.parse("ard.timeBudget", "5m").absolute()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> budget.parse("ard.timeBudget", "soon"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("ard.timeBudget='soon' is not a percentage");
    }

    @Test
    void timeSpanIsAPositiveDuration() {
        ValueType.TimeSpan span = new ValueType.TimeSpan();
        assertThat(span.parse("ard.selection.timeout", " 10s ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(span.parse("ard.selection.timeout", "1500ms")).isEqualTo(Duration.ofMillis(1500));
        for (String bad : new String[] {"30%", "0s", "-1s", "soon"}) {
            assertThatThrownBy(() -> span.parse("ard.selection.timeout", bad))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("is not a positive duration");
        }
    }

    @Test
    void textAndPathAreTrimmed() {
        assertThat(new ValueType.Text().parse("ard.baseRef", " origin/main ")).isEqualTo("origin/main");
        assertThat(new ValueType.FilePath().parse("ard.history", " hist ")).isEqualTo(Path.of("hist"));
    }

    @Test
    void shardIsIndexOverTotalOrAll() {
        ValueType.ShardOfRun shard = new ValueType.ShardOfRun();
        assertThat(shard.parse("ard.shard", " 2/4 ")).isEqualTo(new dev.ard.core.selection.Shard(2, 4));
        assertThat(shard.parse("ard.shard", "all/4").all()).isTrue();
        for (String bad : new String[] {"2of4", "a/b", "3/2", "0/4", "1/0"}) {
            assertThatThrownBy(() -> shard.parse("ard.shard", bad))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage(
                            "ard.shard='" + bad + "' is not a shard i/n with 1 ≤ i ≤ n ≤ 1024 (e.g. 2/4), or all/n");
        }
    }
}
