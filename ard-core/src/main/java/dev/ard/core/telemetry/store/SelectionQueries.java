package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.RunSnapshot;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import dev.ard.core.telemetry.TestHistory;
import dev.ard.core.telemetry.TestResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The queries test selection needs: the base build of a branch and what is known about each test class. */
final class SelectionQueries {
    private SelectionQueries() {}

    /**
     * Green = the build succeeded, ran tests (a {@code module_run} exists), none failed or erred, and it ran in a
     * mode that covers every test it did not run ({@code all} or a selection; not {@code user}: {@code -Dtest}),
     * and not as one shard of a run (it ran part of the selection only; its siblings may have failed).
     */
    private static final String GREEN = "SELECT b.id, b.commit_sha FROM build b"
            + " WHERE b.branch = ? AND b.result = '" + BuildResult.SUCCESS.stored() + "' AND b.commit_sha IS NOT NULL"
            + "   AND b.mode IN ("
            + Arrays.stream(RecordedMode.values())
                    .filter(RecordedMode::accountsForEveryTest)
                    .map(m -> "'" + m.stored() + "'")
                    .collect(Collectors.joining(", "))
            + ")"
            + "   AND b.shard IS NULL"
            + "   AND EXISTS (SELECT 1 FROM module_run m WHERE m.build_id = b.id)"
            // a quarantined failure did not fail the build and does not stop it being a base: the failed test is
            // must-run in the next build anyway ("failed last"), and a test that keeps failing is what quarantine is
            // for
            + "   AND NOT EXISTS (SELECT 1 FROM test_result t WHERE t.build_id = b.id AND t.outcome IN ('FAILED', 'ERROR')"
            + "     AND COALESCE(t.execution_id, '') NOT LIKE '" + TestResult.QUARANTINE_EXECUTION_PREFIX + "%')"
            + "   AND ";

    private static final String NEWEST_FIRST = " ORDER BY b.started_at DESC, b.id DESC LIMIT 1";

    static Optional<GreenBuild> lastGreenBuild(Connection c, String branch, StoreSnapshot snapshot)
            throws SQLException {
        if (branch == null) {
            return Optional.empty();
        }
        String id;
        String commit;
        try (PreparedStatement ps = c.prepareStatement(GREEN + snapshot.buildCondition("b") + NEWEST_FIRST)) {
            ps.setString(1, branch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getString(1);
                commit = rs.getString(2);
            }
        }
        List<String> dirty = strings(c, "SELECT path FROM change WHERE build_id = ? ORDER BY path", id);
        Set<String> modules = new HashSet<>(
                strings(c, "SELECT DISTINCT module FROM module_run WHERE build_id = ? AND module IS NOT NULL", id));
        return Optional.of(new GreenBuild(id, commit, dirty, modules));
    }

    /**
     * Seen classes and mean durations over the last {@code lastBuilds} builds of any branch; last failures over the
     * last {@code lastBuilds} builds of {@code branch} (a class's newest run there decides).
     */
    static TestHistory history(Connection c, String branch, int lastBuilds, StoreSnapshot snapshot)
            throws SQLException {
        Set<String> seen = new HashSet<>();
        Map<String, Long> durations = new HashMap<>();
        for (ClassStats stats : TelemetryQueries.slowestClasses(c, Integer.MAX_VALUE, lastBuilds, snapshot)) {
            String key = TestHistory.key(stats.module(), stats.className());
            seen.add(key);
            durations.put(key, stats.meanDurationMs());
        }
        return new TestHistory(seen, lastFailures(c, branch, lastBuilds, snapshot), durations);
    }

    private static Map<String, Outcome> lastFailures(
            Connection c, String branch, int lastBuilds, StoreSnapshot snapshot) throws SQLException {
        Map<String, Outcome> failures = new HashMap<>();
        if (branch == null) {
            return failures;
        }
        String sql =
                "SELECT t.build_id, t.module, t.class_name, t.outcome FROM test_result t JOIN build b ON b.id = t.build_id"
                        + " WHERE t.outcome <> 'SKIPPED_BY_SELECTION' AND t.build_id IN ("
                        + TelemetryQueries.lastBuilds(snapshot, true) + ")"
                        + " ORDER BY b.started_at DESC, b.id DESC";
        Map<String, String> newestBuild = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, branch);
            ps.setInt(2, lastBuilds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String build = rs.getString(1);
                    String key = TestHistory.key(rs.getString(2), rs.getString(3));
                    String newest = newestBuild.putIfAbsent(key, build);
                    if (newest != null && !newest.equals(build)) {
                        continue; // an older run of a class whose newest run was already seen
                    }
                    Outcome outcome = Outcome.valueOf(rs.getString(4));
                    if (outcome == Outcome.FAILED || outcome == Outcome.ERROR) {
                        failures.merge(key, outcome, (a, b) -> a == Outcome.ERROR ? a : b);
                    }
                }
            }
        }
        return failures;
    }

    /** The run's stored snapshot time, else {@code proposed} (stored first when {@code create}). */
    static RunSnapshot runSnapshot(Connection c, Dialect dialect, RunSnapshot proposed, boolean create)
            throws SQLException {
        if (create) {
            dialect.beginWrite(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_snapshot (run_id, finished_by, plan)"
                    + " VALUES (?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
                ps.setString(1, proposed.runId());
                ps.setLong(2, proposed.finishedBy().toEpochMilli());
                ps.setString(3, proposed.plan());
                ps.executeUpdate();
                dialect.commit(c);
            } catch (SQLException | RuntimeException e) {
                dialect.rollbackQuietly(c);
                throw e;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT finished_by, plan FROM run_snapshot WHERE run_id = ?")) {
            ps.setString(1, proposed.runId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new RunSnapshot(proposed.runId(), Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2))
                        : proposed;
            }
        }
    }

    private static List<String> strings(Connection c, String sql, String id) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
