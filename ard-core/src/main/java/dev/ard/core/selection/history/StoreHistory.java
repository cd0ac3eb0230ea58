package dev.ard.core.selection.history;

import dev.ard.core.telemetry.ClassRun;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telemetry store's builds as a {@link History}. A build's changed paths are the {@code change} rows it
 * recorded; each class's impact fact (in the safe set, hops, changed classes reaching it) is the one its build recorded.
 * Training uses the facts as features. Replayed {@code safe} is applicable once some build recorded them; a build
 * without facts (no base or history, so a live safe build ran everything; or a build of an older ARD) counts as running
 * every class. A store with no facts at all is like imported history: {@code safe} not applicable, graph features
 * {@code -1}.
 */
public final class StoreHistory {

    private StoreHistory() {}

    /** @param branch {@code null} for every branch */
    public static History read(TelemetryStore store, String branch, int lastBuilds) throws StoreException {
        Map<String, List<String>> changes = new HashMap<>();
        List<ClassRun> runs = store.classRuns(branch, lastBuilds, changes);
        Map<String, Map<String, TestRun>> tests = new LinkedHashMap<>();
        Map<String, java.time.Instant> times = new HashMap<>();
        for (ClassRun r : runs) {
            times.putIfAbsent(r.buildId(), r.startedAt());
            tests.computeIfAbsent(r.buildId(), k -> new LinkedHashMap<>())
                    .merge(
                            r.className(),
                            new TestRun(r.className(), r.failed(), r.flaky(), r.durationMs(), r.impact()),
                            TestRun::merge);
        }
        List<HistoryBuild> builds = new ArrayList<>();
        long order = 0;
        for (Map.Entry<String, Map<String, TestRun>> e : tests.entrySet()) { // oldest first, as the store returns them
            builds.add(new HistoryBuild(
                    e.getKey(),
                    ++order,
                    times.get(e.getKey()),
                    changes.getOrDefault(e.getKey(), List.of()),
                    e.getValue()));
        }
        // safe replays from the facts where builds recorded them; a build without them ran (or would have run) all
        boolean bytecode =
                builds.stream().anyMatch(b -> b.tests().values().stream().anyMatch(t -> t.impact() != null));
        return new History("store" + (branch == null ? "" : " (branch " + branch + ")"), builds, bytecode);
    }
}
