package dev.ard.maven.support;

import static dev.ard.maven.support.MavenSessions.props;
import static dev.ard.maven.support.MavenSessions.request;
import static dev.ard.maven.support.MavenSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.settings.SettingValues;
import dev.ard.core.settings.SettingsCatalog;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void userOverridesSystemOverridesTheTopLevelPom() {
        SettingValues values = SessionSettings.of(session(
                request(props("ard.store", "system", "only.system", "s"), props("ard.store", "user")),
                dir,
                props("ard.store", "project", "ard.strict", "true", "only.project", "p")));

        assertThat(values.get(SettingsCatalog.STORE)).isEqualTo("user");
        assertThat(values.get(SettingsCatalog.STRICT)).isTrue();
        // only ard.* names are kept: system properties also hold the environment
        assertThat(values.asMap()).containsOnlyKeys("ard.store", "ard.strict");
    }

    @Test
    void systemOverridesTheTopLevelPom() {
        SettingValues values = SessionSettings.of(session(
                request(props("ard.store", "system"), new Properties()),
                dir,
                props("ard.store", "project", "ard.train.every", "7")));

        assertThat(values.get(SettingsCatalog.STORE)).isEqualTo("system");
        assertThat(values.get(SettingsCatalog.TRAIN_EVERY)).isEqualTo(7L);
    }

    @Test
    void withoutAProjectOnlyTheCommandLineCounts() {
        SettingValues values =
                SessionSettings.of(session(request(new Properties(), props("ard.selection", "safe")), null, null));

        assertThat(values.get(SettingsCatalog.SELECTION)).isEqualTo("safe");
    }
}
