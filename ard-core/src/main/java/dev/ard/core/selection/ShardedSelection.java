package dev.ard.core.selection;

import java.util.List;
import java.util.Map;

/**
 * Narrows a build's test selections to one shard of a CI run, execution by execution, with {@link ShardPlan}: in a
 * sequential build the executions come in reactor order, the same in every shard, so one plan takes them one after the
 * other and balances across modules; in a parallel build ({@code -T}) the order differs from shard to shard, so each
 * execution is placed on its own, starting from a shard derived from its name (every shard derives the same).
 * Thread-safe.
 */
public final class ShardedSelection {

    /** How a class of another shard is skipped: {@code runs in shard 3/4}. */
    private static final String OTHER_SHARD = "runs in shard ";

    private final Shard shard;
    private final ShardPlan.Estimates estimates;
    private final ShardPlan sequential; // null in a parallel build

    /**
     * @param shard     this build's shard, or {@code all/n} for a what-if
     * @param estimates the duration estimates every shard reads alike
     * @param parallel  the build runs modules in parallel ({@code -T})
     */
    public ShardedSelection(Shard shard, ShardPlan.Estimates estimates, boolean parallel) {
        this.shard = shard;
        this.estimates = estimates;
        this.sequential = parallel ? null : new ShardPlan(shard.total());
    }

    public Shard shard() {
        return shard;
    }

    /**
     * The shard (1-based) of each selected class of one execution.
     *
     * @param executionKey names the execution alike in every shard ({@code module plugin executionId})
     */
    public Map<String, Integer> assign(TestSelection selection, String executionKey) {
        List<ShardPlan.Item> items = selection.selected().stream()
                .map(c -> estimates.item(selection.module(), c))
                .toList();
        Map<String, Integer> placed = sequential != null
                ? sequential.place(items)
                : new ShardPlan(shard.total()).place(items, Math.floorMod(executionKey.hashCode(), shard.total()));
        return items.stream()
                .collect(java.util.stream.Collectors.toMap(ShardPlan.Item::className, i -> placed.get(i.key())));
    }

    /** The selection with every selected class of another shard skipped, the reason naming its shard. */
    public TestSelection narrow(TestSelection selection, String executionKey) {
        Map<String, Integer> placed = assign(selection, executionKey);
        return selection.narrowed(c -> {
            int s = placed.get(c);
            return s == shard.index() ? null : OTHER_SHARD + s + "/" + shard.total();
        });
    }

    /** The decision skipped a class because another shard of the run runs it. */
    public static boolean inOtherShard(TestDecision decision) {
        return !decision.selected()
                && decision.reason() != null
                && decision.reason().startsWith(OTHER_SHARD);
    }
}
