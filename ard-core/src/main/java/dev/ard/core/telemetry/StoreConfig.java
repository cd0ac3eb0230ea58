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
    private static final String SQLITE = "jdbc:sqlite:";

    /** The default store: SQLite at {@code <root>/.ard/telemetry.db}. */
    public static StoreConfig sqlite(Path rootDir) {
        return new StoreConfig(
                "jdbc:sqlite:" + rootDir.resolve(".ard").resolve("telemetry.db").toAbsolutePath(), null, null);
    }

    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /**
     * The URL as logs and messages show it: scheme, host, port and database only. Every query parameter
     * ({@code ?user=…&password=…&sslpassword=…}, {@code ;key=value} properties) and any user-info
     * ({@code user:pass@}) is dropped, not only the password: a URL can carry secrets under any name.
     */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    /** {@link #redactedUrl()} of any store URL; {@code (none)} for {@code null}. */
    public static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        if (url.startsWith(SQLITE)) {
            // A file path may contain ';' or '@'; SQLite's JDBC driver takes its parameters after '?' only.
            return SQLITE + before(url.substring(SQLITE.length()), "?#");
        }
        int colon = url.startsWith("jdbc:") ? url.indexOf(':', "jdbc:".length()) : url.indexOf(':');
        if (colon < 0) {
            return before(url, "?;#");
        }
        String scheme = url.substring(0, colon + 1);
        String rest = before(url.substring(colon + 1), "?;#");
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            String authority = end < 0 ? rest.substring(2) : rest.substring(2, end);
            String path = end < 0 ? "" : rest.substring(end);
            return scheme + "//" + authority.substring(authority.lastIndexOf('@') + 1) + path;
        }
        // Opaque forms such as jdbc:oracle:thin:user/pass@host:1521:db carry the login before the '@'.
        return scheme + rest.substring(rest.lastIndexOf('@') + 1);
    }

    private static String before(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=***") + "]";
    }
}
