package dev.ard.core.selection;

import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.Reason;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The safe policy (docs/architecture.md §4): a test class runs when a changed class is in its transitive dependencies, or when a
 * must-run rule holds (it failed in its last run on this branch, it was never run before, it matches
 * {@code ard.mustRun}). Any doubt about the whole module (no base commit, no history, a non-class change, an
 * analysis fault) runs every class of it. Fails open: only a positive "no change reaches it" skips a class.
 */
final class SafeSelector {

    /** The reason a skipped class carries. */
    public static final String NOT_REACHED = "no changed class in its dependencies";

    private final TestHistory history;
    private final MustRunRules mustRun;
    private final boolean historyRequired;

    /** The policy of a build: without history every test runs. */
    public SafeSelector(TestHistory history, MustRunRules mustRun) {
        this(history, mustRun, true);
    }

    /**
     * @param historyRequired {@code false} for a what-if question ({@code ard:select} with given changes): without
     *                        history, the impact analysis and {@code ard.mustRun} alone decide
     */
    public SafeSelector(TestHistory history, MustRunRules mustRun, boolean historyRequired) {
        this.history = history == null ? TestHistory.EMPTY : history;
        this.mustRun = mustRun == null ? MustRunRules.NONE : mustRun;
        this.historyRequired = historyRequired;
    }

    /**
     * @param module       {@code groupId:artifactId}
     * @param candidates   the test classes the execution would run without ARD
     * @param impact       the module's impact analysis, or {@code null} when there is none
     * @param runAllReason a build-wide reason to run everything (e.g. no base commit), or {@code null}
     */
    public TestSelection select(String module, List<String> candidates, ModuleImpact impact, String runAllReason) {
        List<String> classes = List.copyOf(new TreeSet<>(candidates));
        String moduleWide = runAllReason;
        if (moduleWide == null && impact == null) {
            moduleWide = "no impact analysis for this module";
        }
        if (moduleWide == null && impact.runAllReason() != null) {
            moduleWide = impact.runAllReason();
        }
        if (moduleWide == null && history.isEmpty() && historyRequired) {
            moduleWide = "no test history in the store yet";
        }
        if (moduleWide != null) {
            String reason = moduleWide;
            return new TestSelection(
                    module,
                    classes.stream().map(c -> new TestDecision(c, true, reason)).toList(),
                    reason);
        }
        List<TestDecision> decisions = new ArrayList<>(classes.size());
        for (String className : classes) {
            decisions.add(decide(module, className, impact));
        }
        return new TestSelection(module, decisions, null);
    }

    private TestDecision decide(String module, String className, ModuleImpact impact) {
        Reason reached = impact.affected().get(className);
        if (reached != null) {
            return new TestDecision(className, true, reached.describe());
        }
        if (!history.isEmpty()) {
            Outcome failure = history.lastFailure(module, className);
            if (failure != null) {
                return new TestDecision(
                        className, true, "last run on this branch " + (failure == Outcome.ERROR ? "erred" : "failed"));
            }
            if (!history.seen(module, className)) {
                return new TestDecision(className, true, "never run before");
            }
        }
        String glob = mustRun.match(className);
        if (glob != null) {
            return new TestDecision(className, true, "matches ard.mustRun " + glob);
        }
        return new TestDecision(className, false, NOT_REACHED);
    }
}
