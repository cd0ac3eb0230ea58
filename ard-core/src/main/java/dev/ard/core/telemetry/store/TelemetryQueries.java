package dev.ard.core.telemetry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import dev.ard.core.telemetry.TelemetryStore.MethodStats;
import dev.ard.core.telemetry.ToolVersions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stats queries. One SQL text for both dialects (times are integers, booleans work in
 * {@code CASE WHEN}); means are computed in Java so integer division behaves the same everywhere.
 *
 * <p>Counting rules: a build's {@code tests} are the methods Surefire ran or skipped (everything but
 * {@code SKIPPED_BY_SELECTION}, like Surefire's "Tests run"); a method's {@code runs} are its results
 * that executed (PASSED, FAILED, ERROR); {@code failures} are FAILED or ERROR results; a class's mean
 * duration is over the builds in which it ran, so a build that left it out by selection does not make
 * it look fast.
 */
final class TelemetryQueries {
    private TelemetryQueries() {}

    /** The ids of the last {@code ?} builds; ties on the start time are broken by id so results are stable. */
    private static final String LAST_BUILDS = lastBuilds(StoreSnapshot.LIVE);

    /** {@link #LAST_BUILDS} among the builds {@code snapshot} sees. */
    static String lastBuilds(StoreSnapshot snapshot) {
        return lastBuilds(snapshot, false);
    }

    /**
     * {@link #LAST_BUILDS} among the builds {@code snapshot} sees, of one branch when {@code byBranch}: then the
     * branch is the first parameter and the limit the second.
     */
    static String lastBuilds(StoreSnapshot snapshot, boolean byBranch) {
        return "SELECT id FROM build sb WHERE " + snapshot.buildCondition("sb") + (byBranch ? " AND sb.branch = ?" : "")
                + " ORDER BY sb.started_at DESC, sb.id DESC LIMIT ?";
    }

    private static final String FAILED = "CASE WHEN t.outcome IN ('FAILED', 'ERROR') THEN 1 ELSE 0 END";

    static List<BuildSummary> recentBuilds(Connection c, int limit) throws SQLException {
        String sql =
                "SELECT b.id, b.started_at, b.finished_at, b.root_dir, b.commit_sha, b.branch, b.dirty, b.ci_provider,"
                        + " b.ci_build_url, b.goals, b.maven_version, b.java_version, b.os, b.mode, b.result, b.run_id, b.shard,"
                        + " COALESCE(s.tests, 0), COALESCE(s.failed, 0), COALESCE(s.skipped, 0), COALESCE(s.by_selection, 0),"
                        + " COALESCE(s.test_time, 0)"
                        + " FROM build b LEFT JOIN ("
                        + "   SELECT t.build_id,"
                        + "     SUM(CASE WHEN t.outcome <> 'SKIPPED_BY_SELECTION' THEN 1 ELSE 0 END) AS tests,"
                        + "     SUM(" + FAILED + ") AS failed,"
                        + "     SUM(CASE WHEN t.outcome = 'SKIPPED' THEN 1 ELSE 0 END) AS skipped,"
                        + "     SUM(CASE WHEN t.outcome = 'SKIPPED_BY_SELECTION' THEN 1 ELSE 0 END) AS by_selection,"
                        + "     SUM(t.duration_ms) AS test_time"
                        + "   FROM test_result t WHERE t.build_id IN (" + LAST_BUILDS + ") GROUP BY t.build_id"
                        + " ) s ON s.build_id = b.id"
                        + " WHERE b.id IN (" + LAST_BUILDS + ")"
                        + " ORDER BY b.started_at DESC, b.id DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            ps.setInt(2, limit);
            List<BuildSummary> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new BuildSummary(
                            buildRecord(rs),
                            rs.getInt(18),
                            rs.getInt(19),
                            rs.getInt(20),
                            rs.getInt(21),
                            rs.getLong(22)));
                }
            }
            return rows;
        }
    }

    static List<ClassStats> slowestClasses(Connection c, int limit, int lastBuilds) throws SQLException {
        return slowestClasses(c, limit, lastBuilds, StoreSnapshot.LIVE);
    }

    static List<ClassStats> slowestClasses(Connection c, int limit, int lastBuilds, StoreSnapshot snapshot)
            throws SQLException {
        String sql = "SELECT module, class_name, COUNT(*), SUM(total), SUM(failures) FROM ("
                + "   SELECT t.build_id, t.module, t.class_name, SUM(t.duration_ms) AS total, SUM(" + FAILED
                + ") AS failures"
                + "   FROM test_result t"
                + "   WHERE t.build_id IN (" + lastBuilds(snapshot) + ") AND t.outcome <> 'SKIPPED_BY_SELECTION'"
                + "   GROUP BY t.build_id, t.module, t.class_name"
                + " ) per_build GROUP BY module, class_name";
        List<ClassStats> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, lastBuilds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int builds = rs.getInt(3);
                    rows.add(new ClassStats(
                            rs.getString(1), rs.getString(2), builds, rs.getLong(4) / builds, rs.getInt(5)));
                }
            }
        }
        rows.sort((a, b) -> a.meanDurationMs() != b.meanDurationMs()
                ? Long.compare(b.meanDurationMs(), a.meanDurationMs())
                : (a.module() + '\0' + a.className()).compareTo(b.module() + '\0' + b.className()));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    static List<MethodStats> mostFailing(Connection c, int limit, int lastBuilds) throws SQLException {
        return methodStats(c, limit, lastBuilds, "failures > 0", "failures DESC, flaky DESC");
    }

    static List<MethodStats> flakiest(Connection c, int limit, int lastBuilds) throws SQLException {
        return methodStats(c, limit, lastBuilds, "flaky > 0", "flaky DESC, failures DESC");
    }

    /**
     * Per-method counts over the last builds; {@code lastFingerprint} is the fingerprint of the newest
     * result that has one (a flaky method's passing result keeps the fingerprint of its failed attempt).
     */
    private static List<MethodStats> methodStats(Connection c, int limit, int lastBuilds, String filter, String order)
            throws SQLException {
        String sql = "SELECT g.module, g.class_name, g.method_name, g.runs, g.failures, g.flaky, ("
                + "   SELECT t2.failure_fingerprint FROM test_result t2 JOIN build b2 ON b2.id = t2.build_id"
                + "   WHERE t2.module = g.module AND t2.class_name = g.class_name AND t2.method_name = g.method_name"
                + "     AND t2.failure_fingerprint IS NOT NULL AND t2.build_id IN (" + LAST_BUILDS + ")"
                + "   ORDER BY b2.started_at DESC, b2.id DESC LIMIT 1)"
                + " FROM ("
                + "   SELECT t.module, t.class_name, t.method_name,"
                + "     SUM(CASE WHEN t.outcome IN ('PASSED', 'FAILED', 'ERROR') THEN 1 ELSE 0 END) AS runs,"
                + "     SUM(" + FAILED + ") AS failures,"
                + "     SUM(CASE WHEN t.flaky THEN 1 ELSE 0 END) AS flaky"
                + "   FROM test_result t WHERE t.build_id IN (" + LAST_BUILDS + ")"
                + "   GROUP BY t.module, t.class_name, t.method_name"
                + " ) g WHERE " + filter
                + " ORDER BY " + order + ", g.module, g.class_name, g.method_name LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, lastBuilds);
            ps.setInt(2, lastBuilds);
            ps.setInt(3, limit);
            List<MethodStats> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MethodStats(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getInt(6),
                            rs.getString(7)));
                }
            }
            return rows;
        }
    }

    private static BuildRecord buildRecord(ResultSet rs) throws SQLException {
        return new BuildRecord(
                rs.getString(1),
                instant(rs, 2),
                instant(rs, 3),
                goals(rs.getString(10)),
                new Checkout(rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)),
                new CiRun(rs.getString(8), rs.getString(9), rs.getString(16), rs.getString(17)),
                new ToolVersions(rs.getString(11), rs.getString(12), rs.getString(13)),
                RecordedMode.fromStored(rs.getString(14)),
                BuildResult.fromStored(rs.getString(15)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<String> goals(String json) throws SQLException {
        try {
            return TelemetryJson.mapper().readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("build.goals is not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }
}
