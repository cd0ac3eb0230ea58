package dev.ard.maven.extension;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreConfigResolver;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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
        if (settings == null) {
            return Optional.empty();
        }
        Server server = settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        String errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!errors.isEmpty()) {
            // The decrypter's messages name the server and the cause, never the secret.
            throw new IllegalStateException("cannot decrypt settings.xml server '" + id + "': " + errors);
        }
        Server decrypted = result.getServer() != null ? result.getServer() : server;
        return Optional.of(new Credentials(decrypted.getUsername(), decrypted.getPassword()));
    }
}
