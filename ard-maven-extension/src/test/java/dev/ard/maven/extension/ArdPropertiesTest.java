package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.Shard;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArdPropertiesTest {

    // The merging of -D, system and pom properties is SessionSettings' (ard-maven-support): SessionSettingsTest.

    @Test
    void defaultIsAutoAndNotStrict() {
        ArdProperties properties = ArdProperties.from(Map.of());

        assertThat(properties.selection()).isEqualTo(SelectionMode.PREDICTIVE);
        assertThat(properties.auto()).isTrue();
        assertThat(properties.explicitPredictive()).isFalse();
        assertThat(properties.strict()).isFalse();
        assertThat(properties.explain()).isFalse();
    }

    @Test
    void autoRunsAllOnFullBranchesAndSafeElsewhere() {
        ArdProperties auto = ArdProperties.from(Map.of());

        assertThat(auto.modeFor("main")).isEqualTo(SelectionMode.ALL);
        assertThat(auto.modeFor("release/1.2")).isEqualTo(SelectionMode.ALL);
        assertThat(auto.modeFor("release/1.2/hotfix")).isEqualTo(SelectionMode.PREDICTIVE);
        assertThat(auto.modeFor("feature/x")).isEqualTo(SelectionMode.PREDICTIVE);
        assertThat(auto.modeFor(null)).isEqualTo(SelectionMode.PREDICTIVE);
        assertThat(ArdProperties.from(Map.of("ard.fullBranches", "trunk")).modeFor("main"))
                .isEqualTo(SelectionMode.PREDICTIVE);
    }

    @Test
    void theShardIsGivenOrGitLabsAndOneOfOneIsNone() {
        assertThat(ArdProperties.from(Map.of("ard.shard", "2/4")).shard(Map.of()))
                .isEqualTo(new Shard(2, 4));
        assertThat(ArdProperties.from(Map.of()).shard(Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "5")))
                .isEqualTo(new Shard(3, 5));
        // given beats the environment
        assertThat(ArdProperties.from(Map.of("ard.shard", "1/2"))
                        .shard(Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "5")))
                .isEqualTo(new Shard(1, 2));
        assertThat(ArdProperties.from(Map.of("ard.shard", "1/1")).shard(Map.of()))
                .isNull();
        assertThat(ArdProperties.from(Map.of()).shard(Map.of())).isNull();
        assertThat(ArdProperties.from(Map.of("ard.shard", "all/3"))
                        .shard(Map.of())
                        .all())
                .isTrue();
    }

    @Test
    void aMalformedShardIsAnErrorNeverASilentDefault() {
        for (String bad : new String[] {"5/4", "0/4", "2of4", "a/b", "1/0", "-1/4", "1/2000"}) {
            assertThatThrownBy(
                            () -> ArdProperties.from(Map.of("ard.shard", bad)).shard(Map.of()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("ard.shard='" + bad + "' is not a shard i/n");
        }
        assertThatThrownBy(() -> ArdProperties.from(Map.of()).shard(Map.of("CI_NODE_INDEX", "7", "CI_NODE_TOTAL", "4")))
                .hasMessageContaining("CI_NODE_INDEX='7'");
    }

    @Test
    void theShardPlanNamesTheVersionTheCountAndTheSelectionSettingsGiven() {
        ArdProperties properties = ArdProperties.from(
                Map.of("ard.selection", "safe", "ard.mustRun", "*SmokeTest", "ard.store", "jdbc:postgresql://h/db"));

        assertThat(properties.shardPlan("0.1.0", new Shard(2, 4)))
                .isEqualTo("ARD 0.1.0; n=4; ard.selection=safe; ard.mustRun=*SmokeTest");
    }

    @Test
    void explicitSafeSelectsEvenOnMain() {
        assertThat(ArdProperties.from(Map.of("ard.selection", "safe")).modeFor("main"))
                .isEqualTo(SelectionMode.SAFE);
        assertThat(ArdProperties.from(Map.of("ard.selection", "all")).modeFor("feature/x"))
                .isEqualTo(SelectionMode.ALL);
        assertThat(ArdProperties.from(Map.of("ard.selection", "predictive")).explicitPredictive())
                .isTrue();
        assertThat(ArdProperties.from(Map.of("ard.selection", "predictive")).modeFor("main"))
                .isEqualTo(SelectionMode.PREDICTIVE);
    }

    @Test
    void offIsOffWhateverTheCase() {
        assertThat(ArdProperties.from(Map.of("ard.selection", " OFF ")).off()).isTrue();
    }

    @Test
    void unknownModesRunAllAndSaySo() {
        ArdProperties typo = ArdProperties.from(Map.of("ard.selection", "offf"));

        assertThat(typo.unknownSelection()).isTrue();
        assertThat(typo.modeFor("feature/x")).isEqualTo(SelectionMode.ALL);
    }

    @Test
    void timeBudgetIsReadAsGiven() {
        assertThat(ArdProperties.from(Map.of("ard.timeBudget", " 30% ")).timeBudget())
                .isEqualTo("30%");
        assertThat(ArdProperties.from(Map.of()).timeBudget()).isNull();
    }

    @Test
    void explainAloneMeansTrue() {
        assertThat(ArdProperties.from(Map.of("ard.explain", "")).explain()).isTrue();
        assertThat(ArdProperties.from(Map.of("ard.explain", "true")).explain()).isTrue();
        assertThat(ArdProperties.from(Map.of("ard.explain", "false")).explain()).isFalse();
    }

    @Test
    void keepsOnlyArdPropertiesAndNeverPrintsValues() {
        ArdProperties properties = ArdProperties.from(Map.of(
                "ard.store",
                "jdbc:postgresql://db/ard?password=s3cret",
                "env.AWS_SECRET_ACCESS_KEY",
                "k",
                "user.home",
                "/root"));

        assertThat(properties.all()).containsOnlyKeys("ard.store");
        assertThat(properties.toString()).contains("ard.store").doesNotContain("s3cret");
    }

    @Test
    void badNumbersFallBackToTheCataloguesDefault() {
        assertThat(ArdProperties.from(Map.of()).retrainEvery()).isEqualTo(50);
        assertThat(ArdProperties.from(Map.of("ard.train.every", " 0 ")).retrainEvery())
                .isZero();
        assertThat(ArdProperties.from(Map.of("ard.train.every", "often")).retrainEvery())
                .isEqualTo(50);
    }

    @Test
    void sbomIsOffByDefaultWithTheTestedVersion() {
        assertThat(ArdProperties.from(Map.of()).sbom()).isFalse();
        assertThat(ArdProperties.from(Map.of()).sbomVersion()).isEqualTo(SbomInjector.DEFAULT_VERSION);
        ArdProperties on = ArdProperties.from(Map.of("ard.sbom", "true", "ard.sbom.version", "2.9.0"));
        assertThat(on.sbom()).isTrue();
        assertThat(on.sbomVersion()).isEqualTo("2.9.0");
    }

    @Test
    void anEmptyFullBranchesListMeansNoFullBranch() {
        assertThat(ArdProperties.from(Map.of("ard.fullBranches", "")).modeFor("main"))
                .isEqualTo(SelectionMode.PREDICTIVE);
        assertThat(ArdProperties.from(Map.of()).modeFor("release/1.0")).isEqualTo(SelectionMode.ALL);
    }

    @Test
    void strictOnlyWhenTrue() {
        assertThat(ArdProperties.from(Map.of("ard.strict", "true")).strict()).isTrue();
        assertThat(ArdProperties.from(Map.of("ard.strict", "yes")).strict()).isFalse();
    }
}
