package dev.ard.core.report;

import dev.ard.core.report.DurationRegressions.Regression;
import dev.ard.core.report.SelectionMisses.Miss;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import java.time.Instant;
import java.util.List;

/**
 * What the store tells about one build just written, for its CI job summary: the selection misses it confirmed (it
 * failed a class an earlier selective build of a commit it contains had skipped) and the duration regressions that
 * start with it. Read over the newest {@link #BUILDS} builds, the same rules as {@code ard:report}.
 *
 * @param misses      misses whose failing build is this one
 * @param regressions regressions whose first slow run is this build's
 */
public record BuildInsight(List<Miss> misses, List<Regression> regressions) {

    /** Nothing to tell. */
    public static final BuildInsight NONE = new BuildInsight(List.of(), List.of());

    /** How many of the newest builds are read. */
    public static final int BUILDS = 200;

    public BuildInsight {
        misses = List.copyOf(misses);
        regressions = List.copyOf(regressions);
    }

    public static BuildInsight of(
            TelemetryStore store, String buildId, List<String> fullBranches, CommitAncestry ancestry)
            throws StoreException {
        InsightFacts facts = store.insightFacts(new InsightWindow(Instant.EPOCH, BUILDS, fullBranches, 30, 1, 0, 100));
        SelectionMisses.Result found = SelectionMisses.find(facts, ancestry);
        SelectionMisses.Result mine = new SelectionMisses.Result(
                found.misses().stream()
                        .filter(m -> m.failedIn().id().equals(buildId))
                        .toList(),
                found.recall(),
                found.confirmedSkips());
        List<Regression> regressions = DurationRegressions.DEFAULTS.find(facts.fullBranchRuns()).stream()
                .filter(r -> r.startedIn().equals(buildId))
                .toList();
        return new BuildInsight(mine.withReasons(store.skipReasons(mine.keys())).misses(), regressions);
    }
}
