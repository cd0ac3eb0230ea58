package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @Test
    void parsesIndexOverTotal() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1/1 ")).isEqualTo(new Shard(1, 1));
        assertThat(Shard.parse("4/4").toString()).isEqualTo("4/4");
        assertThat(Shard.parse("1/1").whole()).isTrue();
    }

    @Test
    void allOverTotalIsTheWholePartition() {
        Shard all = Shard.parse("ALL/3");
        assertThat(all.all()).isTrue();
        assertThat(all.total()).isEqualTo(3);
        assertThat(all).hasToString("all/3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2of4", "a/b", "3/2", "0/4", "1/0", "0/0", "-1/4", "2/", "/4", "2", "", "2/4/8", "1/1025"})
    void refusesWhatIsNotAShard(String text) {
        assertThatThrownBy(() -> Shard.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not " + Shard.EXPECTED);
    }

    @Test
    void gitLabParallelVariablesAreAShard() {
        assertThat(Shard.fromEnvironment(Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "5")))
                .isEqualTo(new Shard(3, 5));
        // CI_NODE_TOTAL alone is 1 in every GitLab job that does not use parallel: not a shard
        assertThat(Shard.fromEnvironment(Map.of("CI_NODE_TOTAL", "1"))).isNull();
        assertThat(Shard.fromEnvironment(Map.of())).isNull();
    }

    @Test
    void brokenGitLabVariablesAreAnError() {
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("CI_NODE_INDEX", "6", "CI_NODE_TOTAL", "5")))
                .hasMessage("CI_NODE_INDEX='6' and CI_NODE_TOTAL='5' are not a shard i/n with 1 ≤ i ≤ n ≤ 1024");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("CI_NODE_INDEX", "1")))
                .hasMessageStartingWith("CI_NODE_INDEX='1' and CI_NODE_TOTAL='null' are not a shard");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("CI_NODE_INDEX", "all", "CI_NODE_TOTAL", "2")))
                .hasMessageStartingWith("CI_NODE_INDEX='all'");
    }
}
