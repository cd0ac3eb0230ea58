package dev.ard.maven.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Server credentials through Maven's real decrypter and a real settings-security.xml. */
class ServerCredentialsTest {

    @TempDir
    Path dir;

    final DefaultPlexusCipher cipher = new DefaultPlexusCipher();
    SettingsDecrypter decrypter;
    final Settings settings = new Settings();

    @BeforeEach
    void masterPassword() throws Exception {
        decrypter = decrypter(dir, cipher);
    }

    /** Maven's scheme: the master password is encrypted with "settings.security", server passwords with the master ("master-pw"). */
    static SettingsDecrypter decrypter(Path dir, DefaultPlexusCipher cipher) throws Exception {
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(
                security,
                "<settingsSecurity><master>" + cipher.encryptAndDecorate("master-pw", "settings.security")
                        + "</master></settingsSecurity>");
        return new DefaultSettingsDecrypter(new DefaultSecDispatcher(cipher, Map.of(), security.toString()));
    }

    static Server server(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        return server;
    }

    @Test
    void encryptedPasswordIsDecrypted() throws Exception {
        settings.addServer(server("ard-db", "ard", cipher.encryptAndDecorate("s3cret", "master-pw")));

        assertThat(ServerCredentials.of(settings, decrypter, "ard-db")).contains(new Credentials("ard", "s3cret"));
    }

    @Test
    void plainPasswordIsTakenAsIs() {
        settings.addServer(server("ard-db", "ard", "plain"));

        assertThat(ServerCredentials.of(settings, decrypter, "ard-db")).contains(new Credentials("ard", "plain"));
    }

    @Test
    void unknownServerOrNoSettingsIsEmpty() {
        assertThat(ServerCredentials.of(settings, decrypter, "nope")).isEmpty();
        assertThat(ServerCredentials.of(null, decrypter, "nope")).isEmpty();
        assertThat(ServerCredentials.of(settings, decrypter, null)).isEmpty();
    }

    @Test
    void undecryptablePasswordFailsWithoutShowingIt() {
        settings.addServer(server("ard-db", "ard", "{bm90IGEgcmVhbCBjaXBoZXJ0ZXh0IGF0IGFsbA==}"));

        assertThatThrownBy(() -> ServerCredentials.of(settings, decrypter, "ard-db"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot decrypt settings.xml server 'ard-db': ")
                .hasMessageNotContaining("bm90IGEgcmVhbCBjaXBoZXJ0ZXh0IGF0IGFsbA==");
    }
}
