package dev.ard.core.selection.replay;

import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.history.TestRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The baseline orders of the replay and the budget cuts shared by every strategy. */
final class Baselines {

    private Baselines() {}

    /** LastFail: fewest runs since the last failure first (never failed last), then higher failure rate, then name. */
    static List<String> lastFail(List<String> suite, FeatureState state) {
        List<String> order = new ArrayList<>(suite);
        order.sort(Comparator.comparingLong(state::runsSinceFailure)
                .thenComparing(Comparator.comparingDouble(state::failureRate).reversed())
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    /** FailDensity: highest failure rate first, then most recent failure, then name. */
    static List<String> failDensity(List<String> suite, FeatureState state) {
        List<String> order = new ArrayList<>(suite);
        order.sort(Comparator.comparingDouble(state::failureRate)
                .reversed()
                .thenComparingLong(state::runsSinceFailure)
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    /** How many of {@code order}'s first tests fit in {@code budgetMs} of their actual durations (a strict prefix). */
    static int prefixWithin(List<String> order, Map<String, TestRun> runs, double budgetMs) {
        double used = 0;
        int n = 0;
        for (String c : order) {
            double d = runs.get(c).durationMs();
            if (used + d > budgetMs + 1e-9) {
                break;
            }
            used += d;
            n++;
        }
        return n;
    }

    /** Failing tests among the prefix of {@code order} fitting {@code budgetMs}. */
    static int caughtWithin(List<String> order, Map<String, TestRun> runs, double budgetMs) {
        int n = prefixWithin(order, runs, budgetMs);
        int caught = 0;
        for (int i = 0; i < n; i++) {
            if (runs.get(order.get(i)).failed()) {
                caught++;
            }
        }
        return caught;
    }

    /**
     * Replayed {@code safe} from the impact facts each build recorded: the classes in the safe set, nearest to a change
     * first (then the must-run and module-wide ones), by name on ties; the others after them. A class without a fact
     * is in the safe set (its build had no analysis: a safe build runs everything then).
     */
    static List<String> safe(List<String> suite, Map<String, TestRun> tests) {
        return suite.stream()
                .sorted(Comparator.comparing((String c) -> !inSafe(tests.get(c)))
                        .thenComparingInt(c -> {
                            TestRun run = tests.get(c);
                            int hops = run.impact() == null ? -1 : run.impact().hops();
                            return hops < 0 ? Integer.MAX_VALUE : hops;
                        })
                        .thenComparing(c -> c))
                .toList();
    }

    /** In the safe set by its recorded fact; without one, by its build's lack of analysis. */
    static boolean inSafe(TestRun run) {
        return run.impact() == null || run.impact().inSafe();
    }
}
