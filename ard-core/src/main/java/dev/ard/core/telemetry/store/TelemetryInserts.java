package dev.ard.core.telemetry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildTelemetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Inserts one build's rows with prepared statements (so any test name, quotes, backslashes and emoji
 * included, is stored exactly) and JDBC batches (one round trip per table on PostgreSQL). Runs inside
 * the caller's transaction.
 */
final class TelemetryInserts {
    private TelemetryInserts() {}

    /** True when a build with this id is stored already (a spool replayed twice, a retried write). */
    static boolean exists(Connection c, String buildId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM build WHERE id = ?")) {
            ps.setString(1, buildId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insert(Connection c, BuildTelemetry t) throws SQLException {
        String id = t.build().id();
        insertBuild(c, t.build(), t.savedMs());
        batch(c, "INSERT INTO change (build_id, path, kind) VALUES (?, ?, ?)", t.changes(), (ps, ch) -> {
            ps.setString(1, id);
            ps.setString(2, ch.path());
            ps.setString(3, ch.kind());
        });
        batch(
                c,
                "INSERT INTO module_run (build_id, module, plugin, execution_id, source, duration_ms, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.moduleRuns(),
                (ps, m) -> {
                    ps.setString(1, id);
                    ps.setString(2, m.module());
                    ps.setString(3, m.plugin());
                    ps.setString(4, m.executionId());
                    ps.setString(5, m.source());
                    ps.setLong(6, m.durationMs());
                    ps.setString(7, m.note());
                });
        batch(
                c,
                "INSERT INTO test_result (build_id, module, plugin, execution_id, class_name, method_name, duration_ms, outcome,"
                        + " reruns, flaky, failure_type, failure_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.tests(),
                (ps, r) -> {
                    ps.setString(1, id);
                    ps.setString(2, r.module());
                    ps.setString(3, r.plugin());
                    ps.setString(4, r.executionId());
                    ps.setString(5, r.className());
                    ps.setString(6, r.methodName());
                    ps.setLong(7, r.durationMs());
                    ps.setString(8, r.outcome().name());
                    ps.setInt(9, r.reruns());
                    ps.setBoolean(10, r.flaky());
                    ps.setString(11, r.failureType());
                    ps.setString(12, r.failureFingerprint());
                });
        batch(
                c,
                "INSERT INTO selection (build_id, module, plugin, execution_id, class_name, selected, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.selections(),
                (ps, s) -> {
                    ps.setString(1, id);
                    ps.setString(2, s.module());
                    ps.setString(3, s.plugin());
                    ps.setString(4, s.executionId());
                    ps.setString(5, s.className());
                    ps.setBoolean(6, s.selected());
                    ps.setString(7, s.reason());
                });
        batch(
                c,
                "INSERT INTO impact_fact (build_id, module, class_name, in_safe, hops, reaching) VALUES (?, ?, ?, ?, ?, ?)",
                t.impacts(),
                (ps, f) -> {
                    ps.setString(1, id);
                    ps.setString(2, f.module());
                    ps.setString(3, f.className());
                    ps.setBoolean(4, f.inSafe());
                    ps.setInt(5, f.hops());
                    ps.setInt(6, f.reaching());
                });
        batch(
                c,
                "INSERT INTO mojo_timing (build_id, module, plugin, goal, execution_id, started_at, duration_ms, succeeded)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                t.mojos(),
                (ps, m) -> {
                    ps.setString(1, id);
                    ps.setString(2, m.module());
                    ps.setString(3, m.plugin());
                    ps.setString(4, m.goal());
                    ps.setString(5, m.executionId());
                    setInstant(ps, 6, m.startedAt());
                    ps.setLong(7, m.durationMs());
                    ps.setBoolean(8, m.succeeded());
                });
    }

    private static void insertBuild(Connection c, BuildRecord b, Long savedMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO build (id, started_at, finished_at, root_dir, commit_sha, branch, dirty,"
                        + " ci_provider, ci_build_url, goals, maven_version, java_version, os, mode, result, run_id, shard,"
                        + " saved_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, b.id());
            setInstant(ps, 2, b.startedAt());
            setInstant(ps, 3, b.finishedAt());
            ps.setString(4, b.checkout().rootDir());
            ps.setString(5, b.checkout().commit());
            ps.setString(6, b.checkout().branch());
            ps.setBoolean(7, b.checkout().dirty());
            ps.setString(8, b.ci().provider());
            ps.setString(9, b.ci().buildUrl());
            ps.setString(10, goalsJson(b.goals()));
            ps.setString(11, b.tools().maven());
            ps.setString(12, b.tools().java());
            ps.setString(13, b.tools().os());
            ps.setString(14, b.mode() == null ? null : b.mode().stored());
            ps.setString(15, b.result() == null ? null : b.result().stored());
            ps.setString(16, b.ci().runId());
            ps.setString(17, b.ci().shard());
            if (savedMs == null) {
                ps.setNull(18, java.sql.Types.BIGINT);
            } else {
                ps.setLong(18, savedMs);
            }
            ps.executeUpdate();
        }
    }

    /** Goals as a JSON array: any goal text round-trips, and SQL can still look into it. */
    static String goalsJson(List<String> goals) {
        try {
            return TelemetryJson.mapper().writeValueAsString(goals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write goals as JSON", e); // a list of strings always serializes
        }
    }

    /** Times are stored as epoch milliseconds UTC (see the V1 scripts). */
    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> void batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
