package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Server credentials through Maven's real decrypter and a real settings-security.xml. */
class StoreConfigFactoryTest {

    @TempDir
    Path dir;

    private final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    private StoreConfigFactory factory;
    private final Settings settings = new Settings();

    @BeforeEach
    void masterPassword() throws Exception {
        // Maven's scheme: the master password is encrypted with "settings.security", server passwords with the master.
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-pw", "settings.security")
                + "</master></settingsSecurity>");
        DefaultSecDispatcher dispatcher = new DefaultSecDispatcher(cipher, Map.of(), security.toString());
        factory = new StoreConfigFactory(new DefaultSettingsDecrypter(dispatcher));
    }

    private void server(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        settings.addServer(server);
    }

    @Test
    void encryptedPasswordIsDecrypted() throws Exception {
        server("ard-db", "ard", cipher.encryptAndDecorate("s3cret", "master-pw"));

        assertThat(factory.credentials(settings, "ard-db")).contains(new Credentials("ard", "s3cret"));
    }

    @Test
    void plainPasswordIsTakenAsIs() {
        server("ard-db", "ard", "plain");

        assertThat(factory.credentials(settings, "ard-db")).contains(new Credentials("ard", "plain"));
    }

    @Test
    void unknownServerOrNoSettingsIsEmpty() {
        assertThat(factory.credentials(settings, "nope")).isEmpty();
        assertThat(factory.credentials(null, "nope")).isEmpty();
    }

    @Test
    void undecryptablePasswordFailsWithoutShowingIt() {
        server("ard-db", "ard", "{bm90IGEgcmVhbCBjaXBoZXJ0ZXh0IGF0IGFsbA==}");

        assertThatThrownBy(() -> factory.credentials(settings, "ard-db"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot decrypt settings.xml server 'ard-db': ")
                .hasMessageNotContaining("bm90IGEgcmVhbCBjaXBoZXJ0ZXh0IGF0IGFsbA==");
    }
}
