package dev.ard.maven.extension;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.ShardedSelection;
import dev.ard.core.selection.TestDecision;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The selection half of the build's summary line. */
final class SelectionSummary {

    private SelectionSummary() {}

    /** The selection half of the summary line ({@code null}: nothing to say) and the saved-time estimate. */
    record Summary(String line, long savedMs) {
        static final Summary NONE = new Summary(null, 0);
    }

    /**
     * {@code ran 12/340 test classes in 4 modules (safe, 3 changed files since 1a2b3c4d5e, changes: bytecode vs
     * 1a2b3c4d5e), skipped 328 — est. 2m10s saved}; {@code ran all tests (safe): no test history in the store yet} when the safe mode had to run everything;
     * {@code null} when there is nothing to say (mode {@code all}, {@code -Dtest}, no test ran). With it, the test
     * time the selection estimated it saved, recorded with the build: each skipped class at its recorded mean (classes
     * with none count 0); 0 when it skipped nothing.
     *
     * @param testsRan whether any Surefire/Failsafe execution ran in this build
     */
    static Summary of(BuildSelection selection, boolean testsRan) {
        if (!testsRan || selection.userChoseTestsOnly() || !selection.basisReady()) {
            return Summary.NONE;
        }
        boolean sharded = selection.shard().applied();
        if (selection.basis() instanceof SelectionBasis.RunAll all && !sharded) {
            return new Summary(
                    all.mode().selects() ? "ran all tests (safe): " + all.reason() : null, // all and off say nothing
                    0);
        }
        List<BuildSelection.Executed> executions = selection.executions();
        if (executions.isEmpty()) {
            return Summary.NONE;
        }
        SelectionBasis.Select basis = selection.basis() instanceof SelectionBasis.Select s ? s : null;
        Counts counts = counts(executions, basis);
        int total = counts.total;
        int ran = counts.ran;
        int otherShards = counts.otherShards;
        long savedMs = counts.savedMs;
        boolean estimateComplete = counts.estimateComplete;
        Set<String> modules = counts.modules;
        int skipped = total - ran - otherShards;
        StringBuilder line = new StringBuilder("ran ")
                .append(ran)
                .append('/')
                .append(total)
                .append(" test classes in ")
                .append(SummaryLine.plural(modules.size(), "module", "modules"));
        if (sharded) {
            line.append(" as shard ").append(selection.shard().shard());
        }
        line.append(" (").append(selection.basis().mode().id());
        if (selection.basis() instanceof SelectionBasis.RunAll all) {
            line.append(": every test, ").append(all.reason());
        }
        if (basis != null) {
            line.append(", ")
                    .append(SummaryLine.plural(basis.changes().changes().size(), "changed file", "changed files"))
                    .append(" since ")
                    .append(ChangeSet.shortSha(basis.changes().baseCommit()));
            String seen = selection.changesSeen();
            if (seen != null) {
                // bytecode vs <base>, or source files (and why not bytecode)
                line.append(", changes: ").append(seen);
            }
        }
        line.append(')');
        if (otherShards > 0) {
            line.append(", ").append(otherShards).append(" in the other shards");
        }
        if (skipped > 0) {
            line.append(", skipped ")
                    .append(skipped)
                    .append(" \u2014 est. ")
                    .append(estimateComplete ? "" : "\u2265")
                    .append(format(savedMs))
                    .append(" saved");
        }
        String notReady = basis == null ? null : basis.predictiveNotReady();
        if (notReady != null && selection.properties().explicitPredictive()) {
            line.append(" (not predictive: ").append(notReady).append(')');
        }
        return new Summary(line.toString(), savedMs);
    }

    /** What the executions' decisions add up to. */
    private static final class Counts {
        int total;
        int ran;
        int otherShards;
        long savedMs;
        boolean estimateComplete = true;
        final Set<String> modules = new HashSet<>();
    }

    private static Counts counts(List<BuildSelection.Executed> executions, SelectionBasis.Select basis) {
        Counts counts = new Counts();
        for (BuildSelection.Executed executed : executions) {
            counts.modules.add(executed.selection().module());
            for (TestDecision decision : executed.selection().decisions()) {
                counts.total++;
                if (decision.selected()) {
                    counts.ran++;
                } else if (ShardedSelection.inOtherShard(decision)) {
                    counts.otherShards++;
                } else {
                    long mean = basis == null
                            ? -1
                            : basis.history()
                                    .meanDurationMs(executed.selection().module(), decision.className());
                    if (mean >= 0) {
                        counts.savedMs += mean;
                    } else {
                        counts.estimateComplete = false;
                    }
                }
            }
        }
        return counts;
    }

    /** {@code 2m10s}, {@code 4.2s}, {@code 0.3s}. */
    static String format(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + String.format(java.util.Locale.ROOT, "%02d", d.toSecondsPart()) + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
