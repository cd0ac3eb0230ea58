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
        String builds = TelemetryQueries.lastBuilds(snapshot, branch != null);
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
                            rs.getLong(7),
                            null));
                }
            }
        }
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (ClassRun run : runs) {
            paths.putIfAbsent(run.buildId(), new ArrayList<>());
        }
        String orderByPath = " ORDER BY build_id, path";
        forEachOfBuilds(c, "SELECT build_id, path FROM change", paths.keySet(), orderByPath, rs -> {
            paths.get(rs.getString(1)).add(rs.getString(2));
        });
        changes.putAll(paths);
        return withImpacts(c, runs, paths.keySet());
    }

    /** The runs with their builds' recorded impact facts (none for builds before schema v4 or without analysis). */
    private static List<ClassRun> withImpacts(Connection c, List<ClassRun> runs, java.util.Set<String> builds)
            throws SQLException {
        Map<String, dev.ard.core.telemetry.ImpactFact> facts = new java.util.HashMap<>();
        forEachOfBuilds(
                c,
                "SELECT build_id, module, class_name, in_safe, hops, reaching FROM impact_fact",
                builds,
                "",
                rs -> facts.put(
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        new dev.ard.core.telemetry.ImpactFact(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                Math.max(-1, rs.getInt(5)),
                                Math.max(0, rs.getInt(6)))));
        if (facts.isEmpty()) {
            return runs;
        }
        return runs.stream()
                .map(r -> r.withImpact(facts.get(r.buildId() + "|" + r.module() + "|" + r.className())))
                .toList();
    }

    /** How many build ids one query binds: well under SQLite's and PostgreSQL's parameter limits. */
    private static final int IDS_PER_QUERY = 500;

    private interface Row {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code select} (whose first column is the build id) for exactly the given builds, a few hundred ids per
     * query instead of one query per build.
     */
    private static void forEachOfBuilds(
            Connection c, String select, java.util.Collection<String> builds, String orderBy, Row row)
            throws SQLException {
        List<String> ids = List.copyOf(builds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(select + " WHERE build_id IN (" + marks + ")" + orderBy)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
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
