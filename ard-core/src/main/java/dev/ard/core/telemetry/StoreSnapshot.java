package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a store's reads may see, so that the shards of one CI run select from the same history whatever their sibling
 * shards write meanwhile (docs/architecture.md §4): builds that finished by {@code finishedBy} (the commit time of the
 * commit being built, the one instant every shard knows alike), and no build of {@code excludedCommit} (a sibling shard
 * of the same commit, or an earlier attempt of the run). Models trained after {@code finishedBy} are not seen either.
 *
 * @param finishedBy     the last finish time seen (inclusive), or {@code null} for no cut
 * @param excludedCommit a commit whose builds are not seen (40 or 64 lowercase hex digits), or {@code null}
 */
public record StoreSnapshot(Instant finishedBy, String excludedCommit) {

    /** Everything in the store, as it is now. */
    public static final StoreSnapshot LIVE = new StoreSnapshot(null, null);

    // Both values are written into SQL as literals (below); only these shapes are accepted, so nothing else can be.
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    public StoreSnapshot {
        if (excludedCommit != null && !COMMIT.matcher(excludedCommit).matches()) {
            throw new IllegalArgumentException("not a full commit id: " + excludedCommit);
        }
    }

    /** The snapshot the shards of a run building {@code commit} (committed at {@code commitTime}) agree on. */
    public static StoreSnapshot beforeCommit(String commit, Instant commitTime) {
        return new StoreSnapshot(Objects.requireNonNull(commitTime, "commitTime"), Objects.requireNonNull(commit));
    }

    public boolean live() {
        return finishedBy == null && excludedCommit == null;
    }

    /**
     * A SQL condition on the {@code build} row named {@code alias}: true for the builds this snapshot sees. The values
     * are inlined (a number, and a commit id checked against its pattern), so every query takes it alike.
     */
    public String buildCondition(String alias) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (finishedBy != null) {
            sql.append(" AND ")
                    .append(alias)
                    .append(".finished_at IS NOT NULL AND ")
                    .append(alias)
                    .append(".finished_at <= ")
                    .append(finishedBy.toEpochMilli());
        }
        if (excludedCommit != null) {
            sql.append(" AND (")
                    .append(alias)
                    .append(".commit_sha IS NULL OR ")
                    .append(alias)
                    .append(".commit_sha <> '")
                    .append(excludedCommit)
                    .append("')");
        }
        return sql.toString();
    }

    /** A SQL condition on the {@code model} table: true for models this snapshot sees. */
    public String modelCondition() {
        return finishedBy == null ? "1 = 1" : "trained_at <= " + finishedBy.toEpochMilli();
    }

    @Override
    public String toString() {
        return live()
                ? "live"
                : "builds finished by " + finishedBy + (excludedCommit == null ? "" : ", none of " + excludedCommit);
    }
}
