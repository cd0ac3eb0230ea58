package dev.ard.maven.support;

import static dev.ard.maven.support.MavenSessions.props;
import static dev.ard.maven.support.MavenSessions.request;
import static dev.ard.maven.support.MavenSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.settings.SettingValues;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** The store as the extension and the goals both find it: real sessions, a real pom model, Maven's real decrypter. */
class StoreLocationTest {

    private static final String PG = "jdbc:postgresql://db:5432/ard";

    @TempDir
    Path root;

    final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    SettingsDecrypter decrypter;

    @BeforeEach
    void decrypter() throws Exception {
        decrypter = ServerCredentialsTest.decrypter(root, cipher);
    }

    private StoreConfig resolve(MavenSession session, SettingValues settings) {
        return StoreLocation.resolve(session.getSettings(), decrypter, root, settings, Map.of());
    }

    @Test
    void defaultIsSqliteUnderTheRoot() {
        MavenSession session = session(request(new Properties(), new Properties()), root, new Properties());

        assertThat(resolve(session, SessionSettings.of(session)).jdbcUrl())
                .isEqualTo(StoreConfig.sqlite(root).jdbcUrl());
    }

    @Test
    void theTopLevelPomsPropertiesCountForEveryone() {
        // ard:stats once ignored the root pom's <properties> and read another store than the build wrote
        MavenSession session =
                session(request(new Properties(), new Properties()), root, props("ard.store", "shared/t.db"));

        assertThat(resolve(session, SessionSettings.of(session)).jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + root.resolve("shared/t.db"));
    }

    @Test
    void aGoalsParameterWinsOverProperties() {
        MavenSession session =
                session(request(new Properties(), props("ard.store", "user.db")), root, new Properties());

        SettingValues settings =
                SessionSettings.of(session).with(SettingsCatalog.STORE, PG).with(SettingsCatalog.STORE_SERVER, null);
        assertThat(resolve(session, settings).jdbcUrl()).isEqualTo(PG);
    }

    @Test
    void credentialsComeFromTheNamedSettingsServerDecrypted() throws Exception {
        MavenExecutionRequest request = request(new Properties(), props("ard.store", PG, "ard.store.server", "ard-db"));
        request.addServer(
                ServerCredentialsTest.server("ard-db", "ard", cipher.encryptAndDecorate("s3cret", "master-pw")));
        MavenSession session = session(request, root, new Properties());

        StoreConfig config = resolve(session, SessionSettings.of(session));

        assertThat(config.user()).isEqualTo("ard");
        assertThat(config.password()).isEqualTo("s3cret");
    }

    @Test
    void withoutAServerTheEnvironmentGivesStoreAndCredentials() {
        MavenSession session = session(request(new Properties(), new Properties()), root, new Properties());

        StoreConfig config = StoreLocation.resolve(
                session.getSettings(),
                decrypter,
                root,
                SessionSettings.of(session),
                Map.of("ARD_STORE", PG, "ARD_STORE_USER", "env-user", "ARD_STORE_PASSWORD", "env-pw"));

        assertThat(config.jdbcUrl()).isEqualTo(PG);
        assertThat(config.user()).isEqualTo("env-user");
        assertThat(config.password()).isEqualTo("env-pw");
    }
}
