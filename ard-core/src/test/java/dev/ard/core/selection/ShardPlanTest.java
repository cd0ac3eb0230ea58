package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.SharedData;
import dev.ard.core.selection.ShardPlan.Item;
import dev.ard.core.selection.history.CsvHistory;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardPlanTest {

    /** Three modules, 60 classes, heavy-tailed durations (most classes short, a few long), seeded. */
    private static List<Item> suite() {
        Random random = new Random(7);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long ms = Math.round(Math.exp(6 + 1.5 * random.nextGaussian()));
            items.add(new Item("g:m" + (i % 3), "com.x.C" + i + "Test", ms));
        }
        return items;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 60, 100})
    void theShardsTogetherAreExactlyTheSelectionAndPairwiseDisjoint(int total) {
        List<Item> items = suite();
        List<List<Item>> shards = ShardPlan.partition(items, total);

        assertThat(shards).hasSize(total);
        List<Item> union = shards.stream().flatMap(List::stream).toList();
        assertThat(union).hasSameSizeAs(items).containsExactlyInAnyOrderElementsOf(items);
        Set<String> keys = new HashSet<>();
        union.forEach(i -> assertThat(keys.add(i.key())).as("%s twice", i).isTrue());
    }

    @Test
    void oneShardIsEverything() {
        List<Item> items = suite();
        assertThat(ShardPlan.partition(items, 1).get(0)).containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    void moreShardsThanClassesLeavesSomeEmptyAndPutsOneClassEach() {
        List<Item> items = suite().subList(0, 5);
        List<List<Item>> shards = ShardPlan.partition(items, 8);

        assertThat(shards.stream().filter(List::isEmpty)).hasSize(3);
        assertThat(shards.stream().filter(s -> !s.isEmpty())).allMatch(s -> s.size() == 1);
    }

    @Test
    void thePartitionDoesNotDependOnTheInputOrder() {
        List<Item> items = new ArrayList<>(suite());
        // equal durations make the tie-break (module, class) matter
        items.add(new Item("g:m0", "com.x.SameA", 500));
        items.add(new Item("g:m1", "com.x.SameA", 500));
        items.add(new Item("g:m0", "com.x.SameB", 500));
        List<List<Item>> expected = ShardPlan.partition(items, 4);
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(items, random);
            assertThat(ShardPlan.partition(items, 4)).isEqualTo(expected);
        }
    }

    @Test
    void aClassNameInTwoModulesIsTwoItems() {
        List<Item> items = List.of(new Item("g:a", "com.x.FooTest", 100), new Item("g:b", "com.x.FooTest", 100));
        List<List<Item>> shards = ShardPlan.partition(items, 2);

        assertThat(shards.get(0)).hasSize(1);
        assertThat(shards.get(1)).hasSize(1);
    }

    @Test
    void theShardsAreBalancedOnAHeavyTailedSuite() {
        List<Item> items = suite();
        for (int total : new int[] {2, 3, 4}) {
            assertThat(slowestOverIdeal(ShardPlan.partition(items, total), items, total))
                    .as("%d shards", total)
                    .isLessThanOrEqualTo(1.15);
        }
    }

    @Test
    void aClassLongerThanItsShareGetsAShardOfItsOwn() {
        List<Item> items = new ArrayList<>(List.of(new Item("g:m", "com.x.HugeTest", 10_000)));
        IntStream.range(0, 10).forEach(i -> items.add(new Item("g:m", "com.x.T" + i, 100)));
        List<List<Item>> shards = ShardPlan.partition(items, 3);

        assertThat(shards.get(0)).extracting(Item::className).containsExactly("com.x.HugeTest");
        assertThat(shards.get(1)).hasSize(5);
        assertThat(shards.get(2)).hasSize(5);
    }

    @Test
    void classesOfNoDurationStillSpreadByCount() {
        List<Item> items = IntStream.range(0, 9)
                .mapToObj(i -> new Item("g:m", "com.x.T" + i, 0))
                .toList();
        assertThat(ShardPlan.partition(items, 3)).allMatch(s -> s.size() == 3);
    }

    @Test
    void executionsPlacedOneAfterAnotherBalanceAcrossModules() {
        // ten modules of one 60 s class each: placed module by module, they still spread over the shards
        ShardPlan plan = new ShardPlan(4);
        Map<Integer, Integer> perShard = new HashMap<>();
        for (int m = 0; m < 10; m++) {
            Map<String, Integer> placed = plan.place(List.of(new Item("g:m" + m, "com.x.OnlyTest", 60_000)));
            placed.values().forEach(s -> perShard.merge(s, 1, Integer::sum));
        }
        assertThat(perShard).containsOnlyKeys(1, 2, 3, 4);
        assertThat(plan.counts()).containsExactly(3, 3, 2, 2);
        assertThat(plan.loads()).containsExactly(180_000, 180_000, 120_000, 120_000);
    }

    @Test
    void placingInTheSameOrderGivesTheSamePlacement() {
        List<List<Item>> groups = List.of(suite().subList(0, 20), suite().subList(20, 45), suite().subList(45, 60));
        List<Map<String, Integer>> first = new ArrayList<>();
        List<Map<String, Integer>> second = new ArrayList<>();
        ShardPlan a = new ShardPlan(3);
        ShardPlan b = new ShardPlan(3);
        for (List<Item> group : groups) {
            first.add(a.place(group));
            List<Item> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, new Random(group.size()));
            second.add(b.place(shuffled));
        }
        for (int g = 0; g < groups.size(); g++) {
            assertThat(second.get(g)).containsExactlyInAnyOrderEntriesOf(first.get(g));
        }
    }

    @Test
    void aFirstShardRotatesTheTies() {
        Map<String, Integer> placed = new ShardPlan(4).place(List.of(new Item("g:m", "com.x.ATest", 10)), 2);
        assertThat(placed).containsEntry("g:m|com.x.ATest", 3);
    }

    @Test
    void unknownDurationsAreTheMedianOfTheKnownOnes() {
        ShardPlan.Estimates estimates = ShardPlan.Estimates.of(Map.of("g:m|A", 100L, "g:m|B", 300L, "g:m|C", 9000L));
        assertThat(estimates.estimateMs("g:m", "A")).isEqualTo(100);
        assertThat(estimates.estimateMs("g:m", "New")).isEqualTo(300);
        assertThat(estimates.known("g:m", "New")).isFalse();
        assertThat(ShardPlan.Estimates.of(Map.of()).estimateMs("g:m", "A")).isEqualTo(ShardPlan.Estimates.UNKNOWN_MS);
        assertThat(ShardPlan.Estimates.median(List.of(1L, 2L, 3L, 4L))).isEqualTo(2);
    }

    /** Real per-class durations (means over a project's CI history): 4 shards within 15 % of the ideal. */
    @ParameterizedTest
    @ValueSource(strings = {"codec", "compress", "imaging"})
    void theShardsAreBalancedOnARealSuitesDurations(String dataset) throws Exception {
        Path dir = SharedData.dir("history/" + dataset, CsvHistory::isCsvHistory);
        History history = CsvHistory.read(dir);
        Map<String, double[]> sums = new HashMap<>();
        for (HistoryBuild build : history.builds()) {
            for (TestRun run : build.tests().values()) {
                double[] sum = sums.computeIfAbsent(run.className(), k -> new double[2]);
                sum[0] += run.durationMs();
                sum[1]++;
            }
        }
        List<Item> items = new ArrayList<>();
        sums.forEach((c, s) -> items.add(new Item("m", c, Math.round(s[0] / s[1]))));
        List<List<Item>> shards = ShardPlan.partition(items, 4);

        assertThat(shards.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(items);
        long longest = items.stream().mapToLong(Item::estimateMs).max().orElse(0);
        long total = items.stream().mapToLong(Item::estimateMs).sum();
        // 1.15 × the ideal when achievable: one class longer than the ideal share sets the floor
        double bound = Math.max(1.15, (double) longest / (total / 4.0));
        assertThat(slowestOverIdeal(shards, items, 4)).as(dataset).isLessThanOrEqualTo(bound);
    }

    static double slowestOverIdeal(List<List<Item>> shards, List<Item> items, int total) {
        long all = items.stream().mapToLong(Item::estimateMs).sum();
        long slowest = shards.stream()
                .mapToLong(s -> s.stream().mapToLong(Item::estimateMs).sum())
                .max()
                .orElse(0);
        return slowest / (all / (double) total);
    }
}
