package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.BranchGlobs;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightFacts.ClassHistory;
import dev.ard.core.telemetry.InsightFacts.Decision;
import dev.ard.core.telemetry.InsightFacts.DurationSeries;
import dev.ard.core.telemetry.InsightFacts.MethodResult;
import dev.ard.core.telemetry.InsightFacts.ModelInfo;
import dev.ard.core.telemetry.InsightFacts.MojoRow;
import dev.ard.core.telemetry.InsightFacts.Point;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.StoredModel;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads behind {@link InsightFacts}. Whole-window work is aggregated by the database (one pass over the window's
 * result rows for the saved time, one for the watched classes); row-level reads go through the per-test index
 * ({@code test_result_test}) for the few watched classes only, and through the per-build index for the newest builds.
 */
final class InsightQueries {
    /** The window's build ids; parameters: since (epoch ms), limit. */
    private static final String WINDOW =
            "SELECT sb.id FROM build sb WHERE sb.started_at >= ? ORDER BY sb.started_at DESC, sb.id DESC LIMIT ?";

    /** How many of the newest builds a class's mean duration (for the saved time) is taken over. */
    static final int MEAN_BUILDS = 200;

    /** The most decisions kept for one build's drill-down. */
    static final int MAX_DECISIONS = 5_000;

    private InsightQueries() {}

    static InsightFacts load(Connection c, InsightWindow window, Optional<StoredModel> model) throws SQLException {
        long since = window.since().toEpochMilli();
        List<BuildSummary> builds = new ArrayList<>();
        for (BuildSummary summary : TelemetryQueries.recentBuilds(c, window.maxBuilds())) {
            if (!summary.build().startedAt().isBefore(window.since())) {
                builds.add(summary);
            }
        }
        List<ClassHistory> watched = watched(c, since, window);
        return new InsightFacts(
                builds,
                saved(c, since, window.maxBuilds()),
                watched,
                shardSkipReasons(c, watched, builds),
                durations(c, builds, window),
                mojos(c, builds, window.profileBuilds()),
                decisions(c, builds, window.drillDown()),
                model.map(m -> new ModelInfo(m.version(), m.trainedAt(), m.metrics())));
    }

    /**
     * Per build, the test time selection saved: the estimate recorded with the build (schema v5), else — builds written
     * before — the test time its skipped classes would have taken: each class's mean duration over its runs in the
     * newest {@link #MEAN_BUILDS} builds, summed over the build's SKIPPED_BY_SELECTION rows (one per skipped class), in
     * Java (a join of millions of skipped rows with the means is slow in SQLite, a stream is not).
     */
    private static Map<String, Long> saved(Connection c, long since, int limit) throws SQLException {
        Map<String, Long> saved = new HashMap<>();
        String recorded = "SELECT b.id, b.saved_ms FROM build b WHERE b.id IN (" + WINDOW + ")";
        try (PreparedStatement ps = c.prepareStatement(recorded)) {
            ps.setLong(1, since);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ms = rs.getLong(2);
                    if (ms > 0) { // NULL reads as 0: builds written before v5 are estimated below
                        saved.put(rs.getString(1), ms);
                    }
                }
            }
        }
        String older = "SELECT ob.id FROM build ob WHERE ob.saved_ms IS NULL AND ob.id IN (" + WINDOW + ")";
        Map<String, Long> means = null;
        String skipped = "SELECT t.build_id, t.module, t.class_name FROM test_result t WHERE t.build_id IN (" + older
                + ") AND t.outcome = 'SKIPPED_BY_SELECTION'";
        try (PreparedStatement ps = c.prepareStatement(skipped)) {
            ps.setFetchSize(10_000);
            ps.setLong(1, since);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (means == null) {
                        means = means(c, since, limit);
                    }
                    Long mean = means.get(rs.getString(2) + '\0' + rs.getString(3));
                    if (mean != null) {
                        saved.merge(rs.getString(1), mean, Long::sum);
                    }
                }
            }
        }
        return saved;
    }

    /** Each class's mean duration over its runs in the newest {@link #MEAN_BUILDS} builds of the window. */
    private static Map<String, Long> means(Connection c, long since, int limit) throws SQLException {
        Map<String, Long> means = new HashMap<>();
        String meansSql = "SELECT t.module, t.class_name, SUM(t.duration_ms) / COUNT(DISTINCT t.build_id)"
                + " FROM test_result t WHERE t.build_id IN (" + WINDOW + ") AND t.outcome <> 'SKIPPED_BY_SELECTION'"
                + " GROUP BY t.module, t.class_name";
        try (PreparedStatement ps = c.prepareStatement(meansSql)) {
            ps.setLong(1, since);
            ps.setInt(2, Math.min(limit, MEAN_BUILDS));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    means.put(rs.getString(1) + '\0' + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return means;
    }

    private static List<ClassHistory> watched(Connection c, long since, InsightWindow window) throws SQLException {
        String classes = "SELECT t.module, t.class_name, MAX(b.started_at) AS last_seen"
                + " FROM test_result t JOIN build b ON b.id = t.build_id"
                + " WHERE t.build_id IN (" + WINDOW + ") AND (t.outcome IN ('FAILED', 'ERROR') OR t.flaky)"
                + " GROUP BY t.module, t.class_name ORDER BY last_seen DESC, t.module, t.class_name LIMIT ?";
        List<String[]> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(classes)) {
            ps.setLong(1, since);
            ps.setInt(2, window.maxBuilds());
            ps.setInt(3, window.maxWatched());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        String rows = "SELECT t.build_id, t.method_name, t.outcome, t.flaky, t.duration_ms FROM test_result t"
                + " WHERE t.module = ? AND t.class_name = ? AND t.build_id IN (" + WINDOW + ")";
        List<ClassHistory> histories = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(rows)) {
            for (String[] name : names) {
                ps.setString(1, name[0]);
                ps.setString(2, name[1]);
                ps.setLong(3, since);
                ps.setInt(4, window.maxBuilds());
                List<MethodResult> results = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Outcome outcome = outcome(rs.getString(3));
                        if (outcome != null) { // a value a newer ARD wrote: not guessed at
                            results.add(new MethodResult(
                                    rs.getString(1), rs.getString(2), outcome, rs.getBoolean(4), rs.getLong(5)));
                        }
                    }
                }
                histories.add(new ClassHistory(name[0], name[1], results));
            }
        }
        return histories;
    }

    /**
     * The reasons of the watched classes' skips in sharded builds, where a reason tells a skip by selection from a class
     * that ran in another shard. Other reasons are looked up for the misses only ({@link #reasons}).
     */
    private static Map<String, String> shardSkipReasons(
            Connection c, List<ClassHistory> watched, List<BuildSummary> builds) throws SQLException {
        Map<String, String> reasons = new HashMap<>();
        java.util.Set<String> classes = new java.util.HashSet<>();
        watched.forEach(h -> classes.add(h.module() + '\0' + h.className()));
        String sql = "SELECT s.module, s.class_name, s.reason FROM selection s WHERE s.build_id = ? AND NOT s.selected";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (BuildSummary summary : builds) {
                if (summary.build().ci().shard() == null) {
                    continue; // most builds: no query at all
                }
                ps.setString(1, summary.build().id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String reason = rs.getString(3);
                        if (reason != null && classes.contains(rs.getString(1) + '\0' + rs.getString(2))) {
                            reasons.put(
                                    InsightFacts.key(summary.build().id(), rs.getString(1), rs.getString(2)), reason);
                        }
                    }
                }
            }
        }
        return reasons;
    }

    /** The skip reason of each {@link InsightFacts#key key} (build, module, class) that has one. */
    static Map<String, String> reasons(Connection c, java.util.Collection<String> keys) throws SQLException {
        Map<String, String> reasons = new HashMap<>();
        String sql = "SELECT s.reason FROM selection s"
                + " WHERE s.build_id = ? AND s.module = ? AND s.class_name = ? AND NOT s.selected";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String key : keys) {
                String[] parts = key.split("\0", 3);
                if (parts.length != 3) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    ps.setString(i + 1, parts[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        reasons.put(key, rs.getString(1));
                    }
                }
            }
        }
        return reasons;
    }

    /** Durations per class over the newest green, unsharded, clean builds of a full branch, oldest first. */
    private static List<DurationSeries> durations(Connection c, List<BuildSummary> builds, InsightWindow window)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        for (BuildSummary summary : builds) {
            var b = summary.build();
            if (ids.size() < window.durationBuilds()
                    && b.result() == BuildResult.SUCCESS
                    && b.ci().shard() == null
                    && !b.checkout().dirty()
                    && BranchGlobs.matches(window.fullBranches(), b.checkout().branch())) {
                ids.add(b.id());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Collections.reverse(ids); // oldest first
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        String sql = "SELECT t.build_id, t.module, t.class_name, SUM(t.duration_ms) FROM test_result t"
                + " WHERE t.build_id IN (" + placeholders(ids.size()) + ") AND t.outcome = 'PASSED'"
                + " GROUP BY t.build_id, t.module, t.class_name";
        Map<String, List<Point>> series = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.computeIfAbsent(rs.getString(2) + '\0' + rs.getString(3), k -> new ArrayList<>())
                            .add(new Point(rs.getString(1), rs.getLong(4)));
                }
            }
        }
        List<DurationSeries> out = new ArrayList<>();
        series.forEach((key, points) -> {
            points.sort((a, b) -> Integer.compare(order.get(a.buildId()), order.get(b.buildId())));
            int nul = key.indexOf('\0');
            out.add(new DurationSeries(key.substring(0, nul), key.substring(nul + 1), points));
        });
        out.sort((a, b) -> (a.module() + '\0' + a.className()).compareTo(b.module() + '\0' + b.className()));
        return out;
    }

    private static List<MojoRow> mojos(Connection c, List<BuildSummary> builds, int count) throws SQLException {
        List<String> ids = builds.stream().limit(count).map(s -> s.build().id()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT m.build_id, m.module, m.plugin, m.goal, m.started_at, m.duration_ms FROM mojo_timing m"
                + " WHERE m.build_id IN (" + placeholders(ids.size()) + ")"
                + " ORDER BY m.build_id, m.started_at, m.module, m.plugin, m.goal";
        List<MojoRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long started = rs.getLong(5);
                    rows.add(new MojoRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.wasNull() ? null : Instant.ofEpochMilli(started),
                            rs.getLong(6)));
                }
            }
        }
        return rows;
    }

    private static Map<String, List<Decision>> decisions(Connection c, List<BuildSummary> builds, int count)
            throws SQLException {
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        String sql = "SELECT s.module, s.class_name, s.selected, s.reason FROM selection s WHERE s.build_id = ?"
                + " ORDER BY s.module, s.class_name LIMIT " + MAX_DECISIONS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (BuildSummary summary : builds) {
                if (out.size() >= count) {
                    break;
                }
                if (summary.skippedBySelection() == 0) {
                    continue;
                }
                ps.setString(1, summary.build().id());
                List<Decision> decisions = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        decisions.add(
                                new Decision(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                    }
                }
                out.put(summary.build().id(), decisions);
            }
        }
        return out;
    }

    private static Outcome outcome(String stored) {
        try {
            return stored == null ? null : Outcome.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
