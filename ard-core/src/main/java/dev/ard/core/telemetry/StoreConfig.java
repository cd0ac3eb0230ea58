package dev.ard.core.telemetry;

import java.nio.file.Path;

/**
 * Where the telemetry store lives and how to log in.
 *
 * @param jdbcUrl  {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}
 * @param user     user name, or {@code null}
 * @param password password, or {@code null}; never printed (see {@link #toString()})
 */
public record StoreConfig(String jdbcUrl, String user, String password) {

    /** The default store: SQLite at {@code <root>/.ard/telemetry.db}. */
    public static StoreConfig sqlite(Path rootDir) {
        return new StoreConfig(
                "jdbc:sqlite:" + rootDir.resolve(".ard").resolve("telemetry.db").toAbsolutePath(), null, null);
    }

    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** The URL without any {@code password=} query parameter, safe for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=***") + "]";
    }
}
