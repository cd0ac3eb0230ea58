package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a store's schema to {@link #LATEST}. Each dialect has ordered scripts
 * {@code dev/ard/core/telemetry/schema/<dialect>/V<n>__<what>.sql}; the versions applied are rows of
 * {@code schema_version}. All pending scripts run in one write transaction that holds the store's
 * migration lock, so two first-time openers never both migrate. A store at a newer version than
 * this code knows is refused before anything is written to it.
 */
final class SchemaMigrator {
    /** The migration scripts, oldest first. A new one is one more entry here. */
    static final List<String> SCRIPTS = List.of(
            "V1__init.sql", "V2__selection.sql", "V3__model.sql", "V4__run.sql", "V5__insight.sql", "V6__bytecode.sql");

    static final int LATEST = SCRIPTS.size();

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private final Dialect dialect;

    SchemaMigrator(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Migrates as needed and returns the schema version the store is at. */
    int migrate(Connection connection) throws SQLException, StoreException {
        int current = version(connection);
        checkKnown(current);
        dialect.prepare(connection);
        if (current == LATEST) {
            return current; // the usual case: no write, no lock
        }
        dialect.beginWrite(connection);
        try {
            dialect.lockForMigration(connection);
            current = version(connection); // another opener may have migrated while we waited for the lock
            checkKnown(current);
            createVersionTable(connection);
            for (int v = current + 1; v <= LATEST; v++) {
                apply(connection, v);
            }
            dialect.commit(connection);
            return LATEST;
        } catch (SQLException | StoreException | RuntimeException e) {
            dialect.rollbackQuietly(connection);
            throw e;
        }
    }

    /** The highest applied version, 0 for a new store. */
    int version(Connection connection) throws SQLException {
        if (!dialect.tableExists(connection, "schema_version")) {
            return 0;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void checkKnown(int version) throws StoreException {
        if (version > LATEST) {
            throw new StoreException("store schema v" + version + " is newer than this ARD (v" + LATEST
                    + "); upgrade ARD (" + dialect.describe() + " left unchanged)");
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // applied_at: epoch milliseconds UTC, like every time in the schema.
            s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        }
    }

    private void apply(Connection connection, int version) throws SQLException {
        String script = SCRIPTS.get(version - 1);
        Matcher m = NAME.matcher(script);
        if (!m.matches() || Integer.parseInt(m.group(1)) != version) {
            throw new IllegalStateException("migration script " + script + " is not V" + version + "__<name>.sql");
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : statements(load(script))) {
                s.execute(sql);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, m.group(2));
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    private String load(String script) {
        String resource = "/dev/ard/core/telemetry/schema/" + dialect.name() + "/" + script;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from ARD's jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Splits a script into statements: {@code --} comments dropped, {@code ;} ends a statement. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            int comment = line.indexOf("--");
            text.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> result = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            if (!part.isBlank()) {
                result.add(part.trim());
            }
        }
        return result;
    }
}
