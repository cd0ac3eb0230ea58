package dev.ard.maven.plugin;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreConfigResolver;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import dev.ard.maven.support.ServerCredentials;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Finds the telemetry store the way the core extension does (same properties, same settings.xml
 * server, same environment), so {@code ard:stats} reads what the build wrote.
 */
final class StoreLocator {

    private final MavenSession session;
    private final SettingsDecrypter decrypter;

    StoreLocator(MavenSession session, SettingsDecrypter decrypter) {
        this.session = session;
        this.decrypter = decrypter;
    }

    /** The store for {@code root}; {@code store} and {@code server} (the mojo's parameters) win over properties. */
    StoreConfig locate(Path root, String store, String server) {
        Map<String, String> props = new HashMap<>();
        session.getSystemProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        session.getUserProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        if (store != null && !store.isBlank()) {
            props.put(StoreConfigResolver.STORE_PROPERTY, store);
        }
        if (server != null && !server.isBlank()) {
            props.put(StoreConfigResolver.SERVER_PROPERTY, server);
        }
        return StoreConfigResolver.resolve(root, props, System.getenv(), this::credentials);
    }

    /** User and decrypted password of a settings.xml server; never logged. */
    private Optional<Credentials> credentials(String serverId) {
        return ServerCredentials.of(session.getSettings(), decrypter, serverId);
    }
}
