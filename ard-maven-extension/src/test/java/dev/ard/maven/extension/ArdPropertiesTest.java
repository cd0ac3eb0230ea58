package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.SelectionMode;
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
