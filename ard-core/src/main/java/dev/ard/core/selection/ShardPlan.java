package dev.ard.core.selection;

import dev.ard.core.telemetry.TestHistory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits selected test classes across the shards of a CI run (docs/architecture.md §4): longest processing time
 * first — classes by estimated duration, longest first (ties by module, then class name), each to the shard with the
 * least estimated time so far (ties to the one with fewer classes, then the lowest shard counted from a given first
 * shard). A pure function of its
 * input: every shard of a run computes the same partition from the same classes and estimates, whatever order it
 * sees them in, so the shards are disjoint and together run exactly the selection.
 *
 * <p>A build places its executions one after the other ({@link #place}), each after the loads of the executions
 * before it, because a module's test classes exist only once the build has compiled it: the shards of a run see the
 * same executions in the same order, so they agree. {@link #partition} places one set at once.
 */
public final class ShardPlan {

    /**
     * One test class to place.
     *
     * @param module     {@code groupId:artifactId}; part of the key, so equal class names in two modules are two items
     * @param className  fully qualified
     * @param estimateMs its estimated duration, ≥ 0
     */
    public record Item(String module, String className, long estimateMs) {
        public Item {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(className, "className");
            if (estimateMs < 0) {
                throw new IllegalArgumentException("negative estimate for " + className);
            }
        }

        /** {@code module|className}, the history's key too. */
        public String key() {
            return TestHistory.key(module, className);
        }
    }

    /** Longest first, then by module and class: the order does not depend on the input's order. */
    static final Comparator<Item> LONGEST_FIRST = Comparator.comparingLong(Item::estimateMs)
            .reversed()
            .thenComparing(Item::module)
            .thenComparing(Item::className);

    private final int total;
    private final long[] loads;
    private final int[] counts;

    /** An empty plan of {@code total} shards. */
    public ShardPlan(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("a plan needs at least one shard, not " + total);
        }
        this.total = total;
        this.loads = new long[total];
        this.counts = new int[total];
    }

    /**
     * Every shard's classes, placed at once: element {@code i} is shard {@code i + 1}, sorted by module and class.
     * Duplicate items (same module and class) are placed once.
     */
    public static List<List<Item>> partition(Collection<Item> items, int total) {
        ShardPlan plan = new ShardPlan(total);
        Map<String, Item> unique = new LinkedHashMap<>();
        items.forEach(i -> unique.putIfAbsent(i.key(), i));
        Map<String, Integer> placed = plan.place(unique.values(), 0);
        List<List<Item>> shards = new ArrayList<>();
        for (int s = 0; s < total; s++) {
            shards.add(new ArrayList<>());
        }
        unique.values().stream()
                .sorted(Comparator.comparing(Item::module).thenComparing(Item::className))
                .forEach(i -> shards.get(placed.get(i.key()) - 1).add(i));
        return shards.stream().map(List::copyOf).toList();
    }

    /**
     * Places {@code items} after everything placed before, ties going to the lowest shard.
     *
     * @return item key → shard (1-based)
     */
    public synchronized Map<String, Integer> place(Collection<Item> items) {
        return place(items, 0);
    }

    /**
     * Places {@code items} after everything placed before; among equally loaded shards the first at or after
     * {@code firstShard} (0-based, cyclic) wins, so independent small groups do not all start on shard 1.
     *
     * @return item key → shard (1-based); an item given twice keeps its first place
     */
    public synchronized Map<String, Integer> place(Collection<Item> items, int firstShard) {
        List<Item> order = new ArrayList<>(items);
        order.sort(LONGEST_FIRST);
        Map<String, Integer> placed = new LinkedHashMap<>();
        for (Item item : order) {
            if (placed.containsKey(item.key())) {
                continue;
            }
            int best = -1;
            for (int step = 0; step < total; step++) {
                int s = Math.floorMod(firstShard + step, total);
                // equal loads (classes of 0 ms): fewer classes first, so they still spread
                if (best < 0 || loads[s] < loads[best] || (loads[s] == loads[best] && counts[s] < counts[best])) {
                    best = s;
                }
            }
            loads[best] += item.estimateMs();
            counts[best]++;
            placed.put(item.key(), best + 1);
        }
        return placed;
    }

    public int total() {
        return total;
    }

    /** Estimated milliseconds placed on each shard so far (element {@code i}: shard {@code i + 1}). */
    public synchronized long[] loads() {
        return loads.clone();
    }

    /** Classes placed on each shard so far. */
    public synchronized int[] counts() {
        return counts.clone();
    }

    /**
     * Duration estimates from a history snapshot: a class's mean duration when the history knows it, else the median
     * of the known means (a new class is a typical class), else {@link #UNKNOWN_MS} for all (no history: every class
     * counts the same).
     */
    public record Estimates(Map<String, Long> knownMs, long fallbackMs) {

        /** What a class costs when nothing at all is known. */
        public static final long UNKNOWN_MS = 1000;

        public Estimates {
            knownMs = Map.copyOf(knownMs);
            if (fallbackMs < 0) {
                throw new IllegalArgumentException("negative fallback");
            }
        }

        /** Estimates from known means (key {@code module|class}); negative means are ignored. */
        public static Estimates of(Map<String, Long> knownMs) {
            Map<String, Long> known = new LinkedHashMap<>();
            knownMs.forEach((k, v) -> {
                if (k != null && v != null && v >= 0) {
                    known.put(k, v);
                }
            });
            return new Estimates(known, median(known.values()));
        }

        /** Estimates from the snapshot a build's selection read. */
        public static Estimates of(TestHistory history) {
            return of(history == null ? Map.of() : history.meanDurationMs());
        }

        public long estimateMs(String module, String className) {
            return knownMs.getOrDefault(TestHistory.key(module, className), fallbackMs);
        }

        public boolean known(String module, String className) {
            return knownMs.containsKey(TestHistory.key(module, className));
        }

        public Item item(String module, String className) {
            return new Item(module, className, estimateMs(module, className));
        }

        /** The lower median (an integer, the same on every machine); {@link #UNKNOWN_MS} for none. */
        static long median(Collection<Long> values) {
            if (values.isEmpty()) {
                return UNKNOWN_MS;
            }
            List<Long> sorted = values.stream().sorted().toList();
            return sorted.get((sorted.size() - 1) / 2);
        }
    }
}
