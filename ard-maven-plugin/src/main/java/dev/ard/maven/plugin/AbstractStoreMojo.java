package dev.ard.maven.plugin;

import dev.ard.core.settings.SettingValues;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.maven.support.BuildRoot;
import dev.ard.maven.support.SessionSettings;
import dev.ard.maven.support.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** A goal that reads the telemetry store, found the way the core extension finds it (see {@link StoreLocation}). */
abstract class AbstractStoreMojo extends AbstractMojo {

    /** JDBC URL or SQLite file of the telemetry store (default: none: env {@code ARD_STORE}, else <code>&lt;root&gt;/.ard/telemetry.db</code>). */
    @Parameter(property = "ard.store")
    private String store;

    /** Id of the settings.xml <code>&lt;server&gt;</code> with the store's user and (encrypted) password (default: none). */
    @Parameter(property = "ard.store.server")
    private String storeServer;

    protected final MavenSession session;
    private final SettingsDecrypter decrypter;

    protected AbstractStoreMojo(MavenSession session, SettingsDecrypter decrypter) {
        this.session = session;
        this.decrypter = decrypter;
    }

    /** The build's root directory (where {@code .mvn} and {@code .ard} are). */
    protected Path root() {
        return BuildRoot.of(session);
    }

    protected StoreConfig storeConfig() {
        // The parameters are the same properties Maven already evaluated; set, they win (a <configuration> value too).
        SettingValues settings = SessionSettings.of(session)
                .with(SettingsCatalog.STORE, store)
                .with(SettingsCatalog.STORE_SERVER, storeServer);
        return StoreLocation.resolve(session, decrypter, root(), settings);
    }

    /** A SQLite store that was never written is reported as "no telemetry yet" and, above all, not created. */
    protected static boolean isMissing(StoreConfig config) {
        if (!config.isSqlite()) {
            return false;
        }
        String location = config.jdbcUrl().substring("jdbc:sqlite:".length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith("file:")) {
            return false;
        }
        Path file = Path.of(location);
        try {
            return !Files.isRegularFile(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false; // let opening it report the real cause
        }
    }

    /** An exception's message on one line, for a Maven error. */
    protected static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
