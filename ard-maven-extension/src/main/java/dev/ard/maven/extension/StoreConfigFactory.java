package dev.ard.maven.extension;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreConfigResolver;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import dev.ard.maven.support.ServerCredentials;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Resolves where telemetry goes ({@code ard.store}), with credentials from a settings.xml server. */
@Named
@Singleton
public class StoreConfigFactory {

    private final SettingsDecrypter decrypter;

    @Inject
    public StoreConfigFactory(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    public StoreConfig resolve(MavenSession session, Path rootDir, ArdProperties properties) {
        Settings settings = session.getSettings();
        return StoreConfigResolver.resolve(rootDir, properties.all(), System.getenv(), id -> credentials(settings, id));
    }

    /** The decrypted username/password of settings.xml server {@code id}; empty when there is no such server. */
    Optional<Credentials> credentials(Settings settings, String id) {
        return ServerCredentials.of(settings, decrypter, id);
    }
}
