package dev.ard.maven.support;

import dev.ard.core.settings.SettingValues;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreConfigResolver;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Where a build's telemetry goes ({@code ard.store}) and how it logs in ({@code ard.store.server}: a settings.xml
 * server, decrypted): the one place the extension, which writes the store, and the goals, which read it, find it, so
 * {@code ard:stats} reads what the build wrote. The rules themselves are {@link StoreConfigResolver}'s.
 */
public final class StoreLocation {

    private StoreLocation() {}

    /**
     * @param root     the build's root ({@link BuildRoot}), against which a relative SQLite path is taken
     * @param settings the build's settings ({@link SessionSettings}, with a goal's parameters on top)
     */
    public static StoreConfig resolve(
            MavenSession session, SettingsDecrypter decrypter, Path root, SettingValues settings) {
        return resolve(session.getSettings(), decrypter, root, settings, System.getenv());
    }

    /** As {@link #resolve(MavenSession, SettingsDecrypter, Path, SettingValues)}, with the environment given. */
    static StoreConfig resolve(
            Settings mavenSettings,
            SettingsDecrypter decrypter,
            Path root,
            SettingValues settings,
            Map<String, String> env) {
        return StoreConfigResolver.resolve(
                root, settings.asMap(), env, id -> ServerCredentials.of(mavenSettings, decrypter, id));
    }
}
