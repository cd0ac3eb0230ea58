package dev.ard.maven.support;

import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The username and decrypted password of a settings.xml {@code <server>}, for the telemetry store. Never logged. */
public final class ServerCredentials {

    private ServerCredentials() {}

    /**
     * @return empty when there is no such server
     * @throws IllegalStateException when the password cannot be decrypted (the message names the server and the
     *                               cause, never the secret)
     */
    public static Optional<Credentials> of(Settings settings, SettingsDecrypter decrypter, String id) {
        if (settings == null || id == null) {
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
            throw new IllegalStateException("cannot decrypt settings.xml server '" + id + "': " + errors);
        }
        Server decrypted = result.getServer() != null ? result.getServer() : server;
        return Optional.of(new Credentials(decrypted.getUsername(), decrypted.getPassword()));
    }
}
