package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ArdPropertiesTest {

    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void userOverridesSystemOverridesProject() {
        Map<String, String> merged = ArdProperties.merge(
                props("ard.store", "project", "ard.strict", "true", "only.project", "p"),
                props("ard.store", "system", "only.system", "s"),
                props("ard.store", "user"));

        assertThat(merged).containsEntry("ard.store", "user")
                .containsEntry("ard.strict", "true")
                .containsEntry("only.project", "p")
                .containsEntry("only.system", "s");
    }

    @Test
    void systemOverridesProject() {
        assertThat(ArdProperties.merge(props("ard.store", "project"), props("ard.store", "system"), null))
                .containsEntry("ard.store", "system");
    }

    @Test
    void defaultsAreAllAndNotStrict() {
        ArdProperties properties = ArdProperties.from(Map.of());

        assertThat(properties.selection()).isEqualTo(ArdProperties.Selection.ALL);
        assertThat(properties.strict()).isFalse();
        assertThat(properties.selectionFallsBackToAll()).isFalse();
        assertThat(properties.selection().id()).isEqualTo("all");
    }

    @Test
    void offIsOffWhateverTheCase() {
        assertThat(ArdProperties.from(Map.of("ard.selection", " OFF ")).selection()).isEqualTo(ArdProperties.Selection.OFF);
    }

    @Test
    void reservedOrUnknownModesRunAllAndSaySo() {
        ArdProperties safe = ArdProperties.from(Map.of("ard.selection", "safe"));
        ArdProperties typo = ArdProperties.from(Map.of("ard.selection", "offf"));

        assertThat(safe.selection()).isEqualTo(ArdProperties.Selection.ALL);
        assertThat(safe.selectionFallsBackToAll()).isTrue();
        assertThat(typo.selection()).isEqualTo(ArdProperties.Selection.ALL);
        assertThat(typo.selectionFallsBackToAll()).isTrue();
    }

    @Test
    void keepsOnlyArdPropertiesAndNeverPrintsValues() {
        ArdProperties properties = ArdProperties.from(Map.of(
                "ard.store", "jdbc:postgresql://db/ard?password=s3cret", "env.AWS_SECRET_ACCESS_KEY", "k", "user.home", "/root"));

        assertThat(properties.all()).containsOnlyKeys("ard.store");
        assertThat(properties.toString()).contains("ard.store").doesNotContain("s3cret");
    }

    @Test
    void strictOnlyWhenTrue() {
        assertThat(ArdProperties.from(Map.of("ard.strict", "true")).strict()).isTrue();
        assertThat(ArdProperties.from(Map.of("ard.strict", "yes")).strict()).isFalse();
    }
}
