package dev.ard.core.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which store a build uses and how it logs in (ard-maven-support gathers the properties and decrypts
 * settings.xml servers for it).
 *
 * <p>Store, first found wins: property {@code ard.store}, env {@code ARD_STORE}, else SQLite at
 * {@code <root>/.ard/telemetry.db}. The value is a JDBC URL or a path to a SQLite file (a relative
 * path is taken against the root; an existing directory gets {@code telemetry.db} inside it).
 *
 * <p>Credentials: property {@code ard.store.server} names a settings.xml {@code <server>} id, looked
 * up through the caller's function (the Maven side decrypts it); when no id is given or the server
 * is unknown, env {@code ARD_STORE_USER} / {@code ARD_STORE_PASSWORD}. Passwords never come from
 * properties: those end up in logs and process lists.
 */
public final class StoreConfigResolver {
    // The names are described (with their docs) in dev.ard.core.settings.SettingsCatalog, which uses these
    // constants: settings sits above the domain packages, never below them (docs/architecture.md §1).
    public static final String STORE_PROPERTY = "ard.store";
    public static final String SERVER_PROPERTY = "ard.store.server";
    public static final String STORE_ENV = "ARD_STORE";
    public static final String USER_ENV = "ARD_STORE_USER";
    public static final String PASSWORD_ENV = "ARD_STORE_PASSWORD";

    private StoreConfigResolver() {}

    /** A user name and password; {@link #toString()} never shows the password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=" + (password == null ? "null" : "***") + "]";
        }
    }

    /**
     * @param rootDir    the multi-module root (holds {@code .mvn})
     * @param properties user and system properties ({@code -D…}) of the build
     * @param env        the process environment
     * @param servers    settings.xml server id → decrypted credentials, if such a server exists
     */
    public static StoreConfig resolve(
            Path rootDir,
            Map<String, String> properties,
            Map<String, String> env,
            Function<String, Optional<Credentials>> servers) {
        Path root = rootDir.toAbsolutePath().normalize();
        String location = nonBlank(properties.get(STORE_PROPERTY));
        if (location == null) {
            location = nonBlank(env.get(STORE_ENV));
        }
        String url = location == null ? StoreConfig.sqlite(root).jdbcUrl() : toUrl(root, location);
        Credentials credentials = credentials(properties, env, servers);
        return new StoreConfig(url, credentials.user(), credentials.password());
    }

    /** Where builds wait when the store fails: {@code <root>/.ard/pending}. */
    public static Path defaultSpoolDir(Path rootDir) {
        return rootDir.toAbsolutePath().normalize().resolve(".ard").resolve("pending");
    }

    private static String toUrl(Path root, String location) {
        if (location.startsWith("jdbc:sqlite:")) {
            String rest = location.substring("jdbc:sqlite:".length());
            // A relative SQLite path would depend on Maven's working directory; the root is stable.
            if (rest.isEmpty()
                    || rest.startsWith(":")
                    || rest.startsWith("file:")
                    || Path.of(pathPart(rest)).isAbsolute()) {
                return location;
            }
            return "jdbc:sqlite:" + root.resolve(rest).normalize();
        }
        if (location.startsWith("jdbc:")) {
            return location;
        }
        Path file = root.resolve(location).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("telemetry.db");
        }
        return "jdbc:sqlite:" + file;
    }

    private static String pathPart(String sqliteRest) {
        int query = sqliteRest.indexOf('?');
        return query < 0 ? sqliteRest : sqliteRest.substring(0, query);
    }

    private static Credentials credentials(
            Map<String, String> properties, Map<String, String> env, Function<String, Optional<Credentials>> servers) {
        String serverId = nonBlank(properties.get(SERVER_PROPERTY));
        if (serverId != null) {
            Optional<Credentials> fromServer = servers.apply(serverId);
            if (fromServer.isPresent()) {
                return fromServer.get();
            }
        }
        return new Credentials(nonBlank(env.get(USER_ENV)), emptyToNull(env.get(PASSWORD_ENV)));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Passwords are taken as they are (a space may be part of one); only an empty one means none. */
    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
