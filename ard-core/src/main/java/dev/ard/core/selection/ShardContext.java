package dev.ard.core.selection;

import dev.ard.core.git.GitInspector;
import dev.ard.core.telemetry.RunSnapshot;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one shard of a CI run needs to compute the partition its sibling shards compute too (docs/architecture.md §4):
 * the store snapshot every shard reads and the duration estimates from it. The snapshot sees no build of HEAD's commit
 * (a sibling shard, an earlier attempt) and only builds finished by the run's cut: with a run id, the time the first
 * shard to start stored for the run (a margin before its start); without one, HEAD's commit time. When the snapshot or the estimates cannot be had, {@code problem} says why and the shard
 * runs the whole selection: a shard never runs less than its share because it could not agree with the others.
 *
 * @param shard     this build's shard, {@code i/n} with {@code n > 1}
 * @param snapshot  the snapshot the selection reads, or {@code null} with a problem
 * @param estimates the duration estimates of the partition, or {@code null} with a problem
 * @param problem   why this shard cannot partition, or {@code null}
 */
public record ShardContext(Shard shard, StoreSnapshot snapshot, ShardPlan.Estimates estimates, String problem) {

    public ShardContext {
        Objects.requireNonNull(shard, "shard");
        if (problem == null && (snapshot == null || estimates == null)) {
            throw new IllegalArgumentException("a shard that partitions needs a snapshot and estimates");
        }
    }

    /**
     * Never throws.
     *
     * @param root   a directory inside the working tree
     * @param store  the telemetry store, or {@code null} when none is configured (then every class is estimated alike,
     *               which every shard does alike)
     * @param runId  the run's id ({@code ard.run}, else the CI's), or {@code null}: then the cut is HEAD's commit time
     * @param create store the run's snapshot when none is (a build); {@code false} for a what-if
     * @param cut    when the run's snapshot is cut, if this shard is the first: its start less
     *               {@code ard.shard.clockMargin} (a build another machine finishes meanwhile, with its clock behind
     *               by less, is seen by no shard)
     * @param plan   what this shard plans with (ARD version, shard count, selection settings), compared with the run's
     *               first shard's: when they differ, this shard runs the whole selection; {@code null}: not compared
     */
    public static ShardContext resolve(
            Path root, Shard shard, StoreConfig store, String runId, boolean create, Instant cut, String plan) {
        Optional<GitInspector.HeadCommit> head = GitInspector.headCommit(root);
        if (head.isEmpty()) {
            return new ShardContext(shard, null, null, "HEAD's commit cannot be read, so the shards share no snapshot");
        }
        // git keeps whole seconds: a build that finished in the commit's second, before the commit, still counts
        StoreSnapshot byCommit = StoreSnapshot.beforeCommit(
                head.get().id(), head.get().committedAt().plusMillis(999));
        if (store == null) {
            return new ShardContext(shard, byCommit, ShardPlan.Estimates.of(TestHistory.EMPTY), null);
        }
        try (TelemetryStore telemetry = TelemetryStores.open(store)) {
            StoreSnapshot snapshot = byCommit;
            if (runId != null) {
                RunSnapshot mine = new RunSnapshot(runId, cut, plan);
                RunSnapshot run = telemetry.runSnapshot(mine, create);
                snapshot = StoreSnapshot.beforeCommit(head.get().id(), run.finishedBy());
                if (mine.plan() != null && run.plan() != null && !mine.plan().equals(run.plan())) {
                    return new ShardContext(
                            shard,
                            snapshot,
                            null,
                            "its ARD version or settings differ from the run's first shard (" + run.plan()
                                    + "; this shard: " + mine.plan() + ")");
                }
            }
            TestHistory history = telemetry.readAsOf(snapshot).testHistory(null, SelectionBasisResolver.HISTORY_BUILDS);
            return new ShardContext(shard, snapshot, ShardPlan.Estimates.of(history), null);
        } catch (Exception e) {
            return new ShardContext(
                    shard, null, null, "cannot read the recorded durations: " + SelectionBasisResolver.message(e));
        }
    }

    /** This shard computes the shared partition. */
    public boolean partitions() {
        return problem == null;
    }
}
