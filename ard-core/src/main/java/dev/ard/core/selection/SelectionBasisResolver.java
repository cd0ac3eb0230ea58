package dev.ard.core.selection;

import dev.ard.core.git.BaseCandidates;
import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.ChangeSetResolver;
import dev.ard.core.git.GitInspector;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Resolves a build's {@link SelectionBasis}: history and last green build from the store, then the change set. */
public final class SelectionBasisResolver {

    /** How many builds the history looks back at (seen classes, durations, last failures). */
    public static final int HISTORY_BUILDS = 50;

    private SelectionBasisResolver() {}

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
    public static SelectionBasis resolve(
            Path root, SelectionMode mode, String branch, String explicitRef, String ciBaseRef, StoreConfig store) {
        return resolve(root, mode, branch, explicitRef, ciBaseRef, store, StoreSnapshot.LIVE);
    }

    /**
     * As {@link #resolve(Path, SelectionMode, String, String, String, StoreConfig)}, reading only what {@code snapshot}
     * sees of the store (history, last green build, model): the shards of a run read alike (see {@link ShardContext}).
     */
    public static SelectionBasis resolve(
            Path root,
            SelectionMode mode,
            String branch,
            String explicitRef,
            String ciBaseRef,
            StoreConfig store,
            StoreSnapshot snapshot) {
        if (!mode.selects()) {
            return SelectionBasis.RunAll.notSelecting(mode);
        }
        if (store == null) {
            return new SelectionBasis.RunAll(SelectionMode.SAFE, "the telemetry store is not configured");
        }
        TestHistory history;
        Optional<GreenBuild> green;
        PredictiveContext predictive = null;
        try (TelemetryStore telemetry = TelemetryStores.open(store)) {
            telemetry.readAsOf(snapshot);
            history = telemetry.testHistory(branch, HISTORY_BUILDS);
            green = telemetry.lastGreenBuild(branch);
            if (mode == SelectionMode.PREDICTIVE) {
                predictive =
                        PredictiveContext.read(telemetry, branch); // never throws: not ready → safe, with the reason
            }
        } catch (Exception e) {
            return SelectionBasis.RunAll.failure(SelectionMode.SAFE, "cannot read the test history: " + message(e));
        }
        mode = inEffect(predictive);
        if (history.isEmpty()) {
            return new SelectionBasis.RunAll(mode, "no test history in the store yet");
        }
        GreenBuild greenBuild = green.orElse(null);
        BaseCandidates candidates = new BaseCandidates(
                explicitRef,
                ciBaseRef,
                greenBuild == null ? null : greenBuild.commit(),
                greenBuild == null ? List.of() : greenBuild.dirtyPaths());
        ChangeSet changes = ChangeSetResolver.resolve(root, candidates);
        if (!changes.precise()) {
            return new SelectionBasis.RunAll(mode, changes.runAllReason());
        }
        boolean fromGreen = ChangeSet.LAST_GREEN.equals(changes.baseSource());
        return new SelectionBasis.Select(
                mode, changes, history, fromGreen ? greenBuild : null, workTree(root), predictive);
    }

    /**
     * The basis of a what-if question: the given changes, with whatever history and model the store has (an absent
     * or unreadable store is an empty history, and a missing SQLite file is not created).
     *
     * @param workTree the working tree the change paths are relative to
     * @param mode     {@code SAFE} or {@code PREDICTIVE} (which becomes {@code SAFE}, with the reason, without a model)
     * @param branch   the branch whose history counts, or {@code null} for every branch
     */
    public static SelectionBasis.Select whatIf(
            Path workTree, SelectionMode mode, ChangeSet changes, StoreConfig store, String branch) {
        TestHistory history = TestHistory.EMPTY;
        PredictiveContext predictive =
                mode == SelectionMode.PREDICTIVE ? new PredictiveContext(null, null, "no telemetry store") : null;
        if (store != null && !(store.isSqlite() && !sqliteFileExists(store))) {
            try (TelemetryStore telemetry = TelemetryStores.open(store)) {
                history = telemetry.testHistory(branch, HISTORY_BUILDS);
                if (mode == SelectionMode.PREDICTIVE) {
                    predictive = PredictiveContext.read(telemetry, branch);
                }
            } catch (Exception e) {
                history = TestHistory.EMPTY;
            }
        }
        return new SelectionBasis.Select(inEffect(predictive), changes, history, null, workTree, predictive);
    }

    private static SelectionMode inEffect(PredictiveContext predictive) {
        return predictive != null && predictive.ready() ? SelectionMode.PREDICTIVE : SelectionMode.SAFE;
    }

    private static Path workTree(Path root) {
        return GitInspector.workTree(root).orElse(root);
    }

    private static boolean sqliteFileExists(StoreConfig store) {
        String file = store.jdbcUrl().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return Files.isRegularFile(Path.of(query >= 0 ? file.substring(0, query) : file));
    }

    /** An exception's message for a one-line reason; its type when it has none. */
    static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
