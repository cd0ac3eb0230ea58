package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardedSelectionTest {

    /** Three modules' executions: selected classes, and one class the selection skipped in each. */
    private static List<TestSelection> executions() {
        List<TestSelection> list = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<TestDecision> decisions = new ArrayList<>();
            for (int c = 0; c < 5 + m; c++) {
                decisions.add(new TestDecision("p" + m + ".C" + c + "Test", true, "depends on p.Changed"));
            }
            decisions.add(new TestDecision("p" + m + ".UnrelatedTest", false, "no dependency on a change"));
            list.add(new TestSelection("g:m" + m, decisions, null));
        }
        return list;
    }

    private static ShardPlan.Estimates estimates() {
        Map<String, Long> known = new HashMap<>();
        for (int m = 0; m < 3; m++) {
            for (int c = 0; c < 7; c++) {
                known.put("g:m" + m + "|p" + m + ".C" + c + "Test", 100L * (c + 1) * (m + 1));
            }
        }
        return ShardPlan.Estimates.of(known);
    }

    private static String key(TestSelection s) {
        return s.module() + " surefire default-test";
    }

    /** Every shard of the run, each a separate "build" seeing the executions in {@code order}. */
    private static List<List<TestSelection>> runAllShards(int total, boolean parallel, List<List<Integer>> orders) {
        List<TestSelection> executions = executions();
        List<List<TestSelection>> shards = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            ShardedSelection sharded = new ShardedSelection(new Shard(i, total), estimates(), parallel);
            List<TestSelection> narrowed = new ArrayList<>();
            for (int e : orders.get(i - 1)) {
                narrowed.add(sharded.narrow(executions.get(e), key(executions.get(e))));
            }
            shards.add(narrowed);
        }
        return shards;
    }

    private static void assertUnionIsTheSelectionAndDisjoint(List<List<TestSelection>> shards) {
        Set<String> selected = new HashSet<>();
        executions().forEach(s -> s.selected().forEach(c -> selected.add(s.module() + "|" + c)));
        Set<String> ran = new HashSet<>();
        for (List<TestSelection> shard : shards) {
            for (TestSelection s : shard) {
                for (String c : s.selected()) {
                    assertThat(ran.add(s.module() + "|" + c))
                            .as("%s runs twice", c)
                            .isTrue();
                }
                // what the selection skipped stays skipped, for its own reason
                assertThat(s.decisions())
                        .filteredOn(d -> d.className().endsWith("UnrelatedTest"))
                        .allMatch(d -> !d.selected() && d.reason().equals("no dependency on a change"));
            }
        }
        assertThat(ran).isEqualTo(selected);
    }

    @Test
    void sequentialShardsTogetherRunExactlyTheSelectionOnceAndBalance() {
        List<List<TestSelection>> shards =
                runAllShards(3, false, List.of(List.of(0, 1, 2), List.of(0, 1, 2), List.of(0, 1, 2)));

        assertUnionIsTheSelectionAndDisjoint(shards);
        long[] loads = new long[3];
        for (int i = 0; i < 3; i++) {
            for (TestSelection s : shards.get(i)) {
                for (String c : s.selected()) {
                    loads[i] += estimates().estimateMs(s.module(), c);
                }
            }
        }
        long total = loads[0] + loads[1] + loads[2];
        for (long load : loads) {
            assertThat(load).isLessThanOrEqualTo(Math.round(1.15 * total / 3));
        }
    }

    @Test
    void inAParallelBuildTheOrderOfExecutionsDoesNotMatter() {
        List<Integer> forward = List.of(0, 1, 2);
        List<Integer> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        List<List<TestSelection>> shards = runAllShards(2, true, List.of(forward, backward));

        assertUnionIsTheSelectionAndDisjoint(shards);
    }

    @Test
    void classesOfOtherShardsAreSkippedNamingTheirShard() {
        TestSelection execution = executions().get(2);
        TestSelection narrowed =
                new ShardedSelection(new Shard(1, 2), estimates(), false).narrow(execution, key(execution));

        assertThat(narrowed.skipped()).contains("p2.UnrelatedTest");
        assertThat(narrowed.decisions())
                .filteredOn(d -> !d.selected() && !d.className().endsWith("UnrelatedTest"))
                .isNotEmpty()
                .allMatch(ShardedSelection::inOtherShard)
                .allMatch(d -> d.reason().equals("runs in shard 2/2"));
        assertThat(narrowed.decisions())
                .filteredOn(d -> d.className().endsWith("UnrelatedTest"))
                .noneMatch(ShardedSelection::inOtherShard);
    }

    @Test
    void aModuleThatRunsAllForOneReasonIsStillSplit() {
        TestSelection all = new TestSelection(
                "g:m0",
                List.of(new TestDecision("A", true, "pom.xml changed"), new TestDecision("B", true, "pom.xml changed")),
                "pom.xml changed");
        ShardPlan.Estimates none = ShardPlan.Estimates.of(Map.of());

        TestSelection first = new ShardedSelection(new Shard(1, 2), none, false).narrow(all, "k");
        TestSelection second = new ShardedSelection(new Shard(2, 2), none, false).narrow(all, "k");

        assertThat(first.selected()).hasSize(1);
        assertThat(second.selected()).hasSize(1).doesNotContainAnyElementsOf(first.selected());
        assertThat(first.runAllReason()).isNull();
    }
}
