package dev.ard.core.telemetry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytecode snapshots in the store ({@code bytecode_snapshot}, schema v6): opaque packed bytes per commit and module,
 * for builds that do not have them in their local cache. What the bytes mean is the impact package's concern.
 */
final class SnapshotQueries {

    /** Commits kept: a base is a recent green or full-branch build; older rows are deleted as new ones arrive. */
    static final int KEEP_COMMITS = 200;
    /** One commit's snapshots read at most (all modules together): beyond, none are read (the build compares sources). */
    static final long MAX_COMMIT_BYTES = 64L << 20;

    private SnapshotQueries() {}

    /** Replaces the snapshots of these modules at {@code commit}, then deletes all but the newest commits. */
    static void save(Connection c, String commit, Map<String, byte[]> modules, Instant at) throws SQLException {
        try (PreparedStatement delete =
                        c.prepareStatement("DELETE FROM bytecode_snapshot WHERE commit_sha = ? AND module = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bytecode_snapshot (commit_sha, module, written_at, bytes) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, byte[]> m : modules.entrySet()) {
                delete.setString(1, commit);
                delete.setString(2, m.getKey());
                delete.executeUpdate();
                insert.setString(1, commit);
                insert.setString(2, m.getKey());
                insert.setLong(3, at.toEpochMilli());
                insert.setBytes(4, m.getValue());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement prune = c.prepareStatement("DELETE FROM bytecode_snapshot WHERE commit_sha NOT IN"
                + " (SELECT commit_sha FROM bytecode_snapshot GROUP BY commit_sha"
                + " ORDER BY MAX(written_at) DESC, commit_sha LIMIT ?)")) {
            prune.setInt(1, KEEP_COMMITS);
            prune.executeUpdate();
        }
    }

    /**
     * Module → packed bytes of every snapshot at {@code commit}; empty when there is none or when together they exceed
     * {@link #MAX_COMMIT_BYTES} (the database measures them first, so an oversized commit is never transferred).
     */
    static Map<String, byte[]> read(Connection c, Dialect dialect, String commit) throws SQLException {
        try (PreparedStatement size = c.prepareStatement("SELECT COALESCE(SUM(" + dialect.byteLength("bytes")
                + "), 0) FROM bytecode_snapshot WHERE commit_sha = ?")) {
            size.setString(1, commit);
            try (ResultSet rs = size.executeQuery()) {
                if (!rs.next() || rs.getLong(1) > MAX_COMMIT_BYTES) {
                    return Map.of();
                }
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT module, bytes FROM bytecode_snapshot WHERE commit_sha = ? ORDER BY module")) {
            ps.setString(1, commit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return out;
    }
}
