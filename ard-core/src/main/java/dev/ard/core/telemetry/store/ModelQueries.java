package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.ClassRun;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.StoredModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queries predictive selection needs: per-class history for training, and the {@code model} table. */
final class ModelQueries {
    private ModelQueries() {}

    /**
     * Per-class rows of the newest {@code lastBuilds} builds (of {@code branch}, or all), oldest first. Portable
     * SQL: aggregates with CASE, no dialect-specific functions. Classes left out by selection are not rows.
     */
    static List<ClassRun> classRuns(
            Connection c, String branch, int lastBuilds, Map<String, List<String>> changes, StoreSnapshot snapshot)
            throws SQLException {
        String builds = "SELECT id FROM build sb WHERE " + snapshot.buildCondition("sb")
                + (branch == null ? "" : " AND sb.branch = ?") + " ORDER BY sb.started_at DESC, sb.id DESC LIMIT ?";
        String sql = "SELECT t.build_id, b.started_at, t.module, t.class_name,"
                + " SUM(CASE WHEN t.outcome IN ('FAILED', 'ERROR') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.flaky THEN 1 ELSE 0 END), SUM(t.duration_ms)"
                + " FROM test_result t JOIN build b ON b.id = t.build_id"
                + " WHERE t.outcome <> 'SKIPPED_BY_SELECTION' AND t.build_id IN (" + builds + ")"
                + " GROUP BY t.build_id, b.started_at, t.module, t.class_name"
                + " ORDER BY b.started_at, t.build_id, t.module, t.class_name";
        List<ClassRun> runs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.replace("t.flaky THEN", flakyTrue(c) + " THEN"))) {
            int i = 1;
            if (branch != null) {
                ps.setString(i++, branch);
            }
            ps.setInt(i, lastBuilds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new ClassRun(
                            rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5) > 0,
                            rs.getLong(6) > 0,
                            rs.getLong(7)));
                }
            }
        }
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (ClassRun run : runs) {
            paths.putIfAbsent(run.buildId(), new ArrayList<>());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT path FROM change WHERE build_id = ? ORDER BY path")) {
            for (Map.Entry<String, List<String>> e : paths.entrySet()) {
                ps.setString(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        e.getValue().add(rs.getString(1));
                    }
                }
            }
        }
        changes.putAll(paths);
        return withImpacts(c, runs, paths.keySet());
    }

    /** The runs with their builds' recorded impact facts (none for builds before schema v4 or without analysis). */
    private static List<ClassRun> withImpacts(Connection c, List<ClassRun> runs, java.util.Set<String> builds)
            throws SQLException {
        Map<String, dev.ard.core.telemetry.ImpactFact> facts = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT module, class_name, in_safe, hops, reaching FROM impact_fact WHERE build_id = ?")) {
            for (String build : builds) {
                ps.setString(1, build);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.put(
                                build + "|" + rs.getString(1) + "|" + rs.getString(2),
                                new dev.ard.core.telemetry.ImpactFact(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getBoolean(3),
                                        Math.max(-1, rs.getInt(4)),
                                        Math.max(0, rs.getInt(5))));
                    }
                }
            }
        }
        if (facts.isEmpty()) {
            return runs;
        }
        List<ClassRun> result = new ArrayList<>(runs.size());
        for (ClassRun r : runs) {
            result.add(new ClassRun(
                    r.buildId(),
                    r.startedAt(),
                    r.module(),
                    r.className(),
                    r.failed(),
                    r.flaky(),
                    r.durationMs(),
                    facts.get(r.buildId() + "|" + r.module() + "|" + r.className())));
        }
        return result;
    }

    /** {@code flaky} is INTEGER 0/1 on SQLite and BOOLEAN on PostgreSQL; both compare with a boolean literal. */
    private static String flakyTrue(Connection c) throws SQLException {
        return c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres")
                ? "t.flaky = TRUE"
                : "t.flaky = 1";
    }

    /** Inserts under {@code max(version) + 1}; the caller holds a write transaction. */
    static int insertModel(Connection c, Instant trainedAt, String metrics, byte[] bytes) throws SQLException {
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM model");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getInt(1) + 1;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO model (version, trained_at, metrics, bytes) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setLong(2, trainedAt.toEpochMilli());
            ps.setString(3, metrics);
            ps.setBytes(4, bytes);
            ps.executeUpdate();
        }
        return version;
    }

    /**
     * The newest model; its bytes and metrics only when they are within {@link StoredModel#MAX_BYTES} and
     * {@link StoredModel#MAX_METRICS_CHARS}: the database measures them, so an oversized row is never transferred.
     */
    static Optional<StoredModel> latest(Connection c, Dialect dialect, StoreSnapshot snapshot) throws SQLException {
        String size = dialect.byteLength("bytes");
        String fits = "(" + size + " <= ? AND length(metrics) <= ?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT version, trained_at, " + size + ", CASE WHEN " + fits
                + " THEN metrics END, CASE WHEN " + fits + " THEN bytes END FROM model WHERE "
                + snapshot.modelCondition() + " ORDER BY version DESC LIMIT 1")) {
            for (int i = 0; i < 2; i++) {
                ps.setLong(2 * i + 1, StoredModel.MAX_BYTES);
                ps.setLong(2 * i + 2, StoredModel.MAX_METRICS_CHARS);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int version = rs.getInt(1);
                Instant trainedAt = Instant.ofEpochMilli(rs.getLong(2));
                long stored = rs.getLong(3);
                byte[] bytes = rs.getBytes(5);
                if (bytes == null) {
                    return Optional.of(new StoredModel(version, trainedAt, "", new byte[0], Math.max(stored, 1)));
                }
                return Optional.of(new StoredModel(version, trainedAt, rs.getString(4), bytes));
            }
        }
    }
}
