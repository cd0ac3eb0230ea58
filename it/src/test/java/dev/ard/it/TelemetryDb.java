package dev.ard.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a telemetry store with plain SQL, read-only: the ITs check what ARD wrote without using
 * ARD's own code to read it back.
 */
final class TelemetryDb implements AutoCloseable {
    private final Connection connection;

    private TelemetryDb(Connection connection) {
        this.connection = connection;
    }

    static TelemetryDb open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no telemetry store at " + file);
        }
        Properties props = new Properties();
        props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        return new TelemetryDb(DriverManager.getConnection("jdbc:sqlite:" + file, props));
    }

    /** Every row of a query, columns by lower-case name in select order. */
    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), rs.getObject(c));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The first column of the only row of a query, as a long. */
    long number(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows for " + sql);
        }
        Object value = rows.get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of every row, as strings. */
    List<String> strings(String sql, Object... params) throws SQLException {
        return rows(sql, params).stream()
                .map(r -> {
                    Object v = r.values().iterator().next();
                    return v == null ? null : v.toString();
                })
                .toList();
    }

    /** The id of the newest build. */
    String newestBuild() throws SQLException {
        return strings("SELECT id FROM build ORDER BY started_at DESC, id DESC LIMIT 1")
                .get(0);
    }

    /** The test classes of the newest build that ran ({@code ran}: any outcome Surefire reported) or ARD skipped. */
    java.util.Set<String> newestBuildClasses(boolean ran) throws SQLException {
        String newest = newestBuild();
        return new java.util.TreeSet<>(strings(
                "SELECT DISTINCT class_name FROM test_result WHERE build_id = ? AND outcome " + (ran ? "<>" : "=")
                        + " 'SKIPPED_BY_SELECTION'",
                newest));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
