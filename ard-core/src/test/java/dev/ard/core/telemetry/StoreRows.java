package dev.ard.core.telemetry;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ard.core.telemetry.store.TelemetryJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what is stored straight from the tables with plain JDBC, independent of the store's own code,
 * so a round trip checks the columns themselves. Child rows come back in no particular order.
 */
final class StoreRows {
    private StoreRows() {}

    static BuildTelemetry read(Connection c, String id) throws Exception {
        BuildRecord build = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, started_at, finished_at, root_dir, commit_sha, branch, dirty, ci_provider,"
                        + " ci_build_url, goals, maven_version, java_version, os, mode, result, run_id, shard FROM build"
                        + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    build = new BuildRecord(
                            rs.getString(1),
                            instant(rs, 2),
                            instant(rs, 3),
                            TelemetryJson.mapper().readValue(rs.getString(10), new TypeReference<List<String>>() {}),
                            new Checkout(rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)),
                            new CiRun(rs.getString(8), rs.getString(9), rs.getString(16), rs.getString(17)),
                            new ToolVersions(rs.getString(11), rs.getString(12), rs.getString(13)),
                            mode(rs.getString(14)),
                            result(rs.getString(15)));
                }
            }
        }
        if (build == null) {
            return null;
        }
        List<Change> changes = new ArrayList<>();
        try (ResultSet rs = query(c, "SELECT path, kind FROM change WHERE build_id = ?", id)) {
            while (rs.next()) {
                changes.add(new Change(rs.getString(1), rs.getString(2)));
            }
        }
        List<ModuleRun> runs = new ArrayList<>();
        try (ResultSet rs = query(
                c,
                "SELECT module, plugin, execution_id, source, duration_ms, note FROM module_run WHERE build_id = ?",
                id)) {
            while (rs.next()) {
                runs.add(new ModuleRun(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6)));
            }
        }
        List<TestResult> tests = new ArrayList<>();
        try (ResultSet rs = query(
                c,
                "SELECT module, plugin, execution_id, class_name, method_name, duration_ms, outcome, reruns, flaky,"
                        + " failure_type, failure_fingerprint FROM test_result WHERE build_id = ?",
                id)) {
            while (rs.next()) {
                tests.add(new TestResult(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        Outcome.valueOf(rs.getString(7)),
                        rs.getInt(8),
                        rs.getBoolean(9),
                        rs.getString(10),
                        rs.getString(11)));
            }
        }
        List<MojoTiming> mojos = new ArrayList<>();
        try (ResultSet rs = query(
                c,
                "SELECT module, plugin, goal, execution_id, started_at, duration_ms, succeeded FROM mojo_timing"
                        + " WHERE build_id = ?",
                id)) {
            while (rs.next()) {
                mojos.add(new MojoTiming(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs, 5),
                        rs.getLong(6),
                        rs.getBoolean(7)));
            }
        }
        List<SelectionEntry> selections = new ArrayList<>();
        try (ResultSet rs = query(
                c,
                "SELECT module, plugin, execution_id, class_name, selected, reason FROM selection WHERE build_id = ?",
                id)) {
            while (rs.next()) {
                selections.add(new SelectionEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6)));
            }
        }
        List<ImpactFact> impacts = new ArrayList<>();
        try (ResultSet rs = query(
                c,
                "SELECT module, class_name, in_safe, hops, reaching FROM impact_fact WHERE build_id = ?"
                        + " ORDER BY module, class_name",
                id)) {
            while (rs.next()) {
                impacts.add(
                        new ImpactFact(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5)));
            }
        }
        return new BuildTelemetry(build, changes, runs, tests, mojos, selections, impacts);
    }

    /** The column's text must be the lower-case name, as ARD has always stored it (checked without {@link RecordedMode#fromStored}). */
    private static RecordedMode mode(String column) {
        if (column == null) {
            return null;
        }
        RecordedMode mode = RecordedMode.valueOf(column.toUpperCase(java.util.Locale.ROOT));
        if (!column.equals(mode.name().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalStateException("build.mode is not lower case: " + column);
        }
        return mode;
    }

    private static BuildResult result(String column) {
        return column == null ? null : BuildResult.valueOf(column);
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> buildIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM build")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static ResultSet query(Connection c, String sql, String id) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, id);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
