package dev.ard.core.selection;

import dev.ard.core.git.BaseCandidates;
import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.ChangeSetResolver;
import dev.ard.core.git.GitInspector;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Resolves a build's {@link SelectionBasis}: history and last green build from the store, then the change set. */
public final class SelectionBases {

    /** How many builds the history looks back at (seen classes, durations, last failures). */
    public static final int HISTORY_BUILDS = 50;

    private SelectionBases() {}

    /**
     * Never throws: a store or git problem becomes a build-wide run-all reason (fail open).
     *
     * @param root        a directory inside the working tree
     * @param mode        the mode asked for; {@code SAFE} and {@code PREDICTIVE} look at history and changes, and
     *                    {@code PREDICTIVE} becomes {@code SAFE} (with the reason) while no model is ready
     * @param branch      the branch being built, or {@code null} (detached: no last-green base, no last failures)
     * @param explicitRef {@code ard.baseRef}, or {@code null}
     * @param ciBaseRef   the CI's pull-request target branch, or {@code null}
     * @param store       the telemetry store configuration, or {@code null} when it could not be resolved
     */
    public static SelectionBasis resolve(Path root, SelectionMode mode, String branch, String explicitRef, String ciBaseRef, StoreConfig store) {
        if (!mode.selects()) {
            return SelectionBasis.all(mode, null);
        }
        if (store == null) {
            return SelectionBasis.all(SelectionMode.SAFE, "the telemetry store is not configured");
        }
        TestHistory history;
        Optional<GreenBuild> green;
        PredictiveContext predictive = null;
        try (TelemetryStore telemetry = TelemetryStores.open(store)) {
            history = telemetry.testHistory(branch, HISTORY_BUILDS);
            green = telemetry.lastGreenBuild(branch);
            if (mode == SelectionMode.PREDICTIVE) {
                predictive = PredictiveContext.read(telemetry, branch); // never throws: not ready → safe, with the reason
            }
        } catch (Exception e) {
            return SelectionBasis.all(SelectionMode.SAFE, "cannot read the test history: " + message(e));
        }
        mode = predictive != null && predictive.ready() ? SelectionMode.PREDICTIVE : SelectionMode.SAFE;
        Path workTree = GitInspector.workTree(root).orElse(null);
        if (history.isEmpty()) {
            return new SelectionBasis(mode, null, history, null, "no test history in the store yet", workTree, predictive);
        }
        GreenBuild greenBuild = green.orElse(null);
        BaseCandidates candidates = new BaseCandidates(explicitRef, ciBaseRef, greenBuild == null ? null : greenBuild.commit(),
                greenBuild == null ? List.of() : greenBuild.dirtyPaths());
        ChangeSet changes = ChangeSetResolver.resolve(root, candidates);
        if (!changes.precise()) {
            return new SelectionBasis(mode, changes, history, null, changes.runAllReason(), workTree, predictive);
        }
        boolean fromGreen = ChangeSet.LAST_GREEN.equals(changes.baseSource());
        return new SelectionBasis(mode, changes, history, fromGreen ? greenBuild : null, null, workTree, predictive);
    }

    /**
     * The history alone, for what-if questions; {@link TestHistory#EMPTY} when the store is absent or unreadable (a
     * missing SQLite file is not created).
     */
    public static TestHistory readHistory(StoreConfig store, String branch) {
        if (store == null || (store.isSqlite() && !sqliteFileExists(store))) {
            return TestHistory.EMPTY;
        }
        try (TelemetryStore telemetry = TelemetryStores.open(store)) {
            return telemetry.testHistory(branch, HISTORY_BUILDS);
        } catch (Exception e) {
            return TestHistory.EMPTY;
        }
    }

    private static boolean sqliteFileExists(StoreConfig store) {
        String file = store.jdbcUrl().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return java.nio.file.Files.isRegularFile(Path.of(query >= 0 ? file.substring(0, query) : file));
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
