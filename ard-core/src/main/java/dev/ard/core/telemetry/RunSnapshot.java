package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * A sharded CI run's row in the store (a row of {@code run_snapshot}): the cut its shards read the store at, and what
 * the first shard to start planned with.
 *
 * @param runId      the run's id
 * @param finishedBy the cut: builds finished later are not seen
 * @param plan       the first shard's ARD version, shard count and selection settings, or {@code null}
 */
public record RunSnapshot(String runId, Instant finishedBy, String plan) {

    /** The longest plan stored; a longer one is cut (it is compared, never parsed). */
    public static final int MAX_PLAN_CHARS = 2000;

    public RunSnapshot {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(finishedBy, "finishedBy");
        if (plan != null && plan.length() > MAX_PLAN_CHARS) {
            plan = plan.substring(0, MAX_PLAN_CHARS);
        }
    }
}
