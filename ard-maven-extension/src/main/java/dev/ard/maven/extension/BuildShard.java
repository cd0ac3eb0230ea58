package dev.ard.maven.extension;

import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.Shard;
import dev.ard.core.selection.ShardContext;
import dev.ard.core.selection.ShardedSelection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * The shard a build runs ({@code ard.shard=2/4}), decided once, at the first test execution: either the build's
 * selections are narrowed to this shard's part of the shared partition, or, when this shard cannot compute that
 * partition (no snapshot, durations unreadable, a selection that failed open), it runs the whole selection and says so
 * once. Thread-safe.
 */
final class BuildShard {

    /** A build that is not one shard of several. */
    static final BuildShard NONE = new BuildShard(null, CompletableFuture.completedFuture(null), false, null);

    private final Shard shard;
    private final CompletableFuture<ShardContext> context;
    private final boolean parallel;
    private final Logger log;
    private boolean decided; // guarded by this
    private ShardedSelection sharded; // guarded by this

    /**
     * @param shard    this build's shard, or {@code null}
     * @param context  the shard's snapshot and estimates, resolved in the background before the selection basis
     * @param parallel the build runs modules in parallel ({@code -T})
     */
    BuildShard(Shard shard, CompletableFuture<ShardContext> context, boolean parallel, Logger log) {
        this.shard = shard;
        this.context = context;
        this.parallel = parallel;
        this.log = log;
    }

    Shard shard() {
        return shard;
    }

    /**
     * The shard's narrowing for a build whose basis is {@code basis}, or {@code null} when every selected test runs
     * here (no shard, or this shard cannot agree on the partition; then said once).
     *
     * @param waitNanos how long to wait for the background resolution (it is normally done with the basis)
     */
    synchronized ShardedSelection sharded(SelectionBasis basis, long waitNanos) {
        if (shard == null) {
            return null;
        }
        if (!decided) {
            decided = true;
            String problem = problem(basis, waitNanos);
            if (problem == null) {
                sharded = new ShardedSelection(shard, context.join().estimates(), parallel);
            } else {
                log.warn("ARD: shard {} runs the whole selection: {}", shard, problem);
            }
        }
        return sharded;
    }

    private String problem(SelectionBasis basis, long waitNanos) {
        if (shard.all()) {
            return "ard.shard=" + shard + " is a what-if for ard:select; a build runs one shard i/" + shard.total();
        }
        if (basis instanceof SelectionBasis.RunAll all && all.failed()) {
            return all.reason();
        }
        ShardContext resolved;
        try {
            resolved = context.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return "its partition was not ready in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return "cannot compute the partition: " + e.getCause();
        }
        if (resolved == null) {
            return "cannot compute the partition";
        }
        return resolved.problem();
    }

    /** What the store records with the build: {@code 2/4} when this build ran as a shard, else {@code null}. */
    String recorded() {
        return shard == null || shard.all() ? null : shard.toString();
    }

    /** The shard's part of the partition was applied. */
    synchronized boolean applied() {
        return sharded != null;
    }
}
