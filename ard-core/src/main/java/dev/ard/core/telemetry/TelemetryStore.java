package dev.ard.core.telemetry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistent test and build telemetry. Implementations are JDBC-based (SQLite by default,
 * PostgreSQL for teams) and safe for several Maven processes writing at once.
 */
public interface TelemetryStore extends AutoCloseable {

    /** Writes one build and everything recorded about it in a single transaction. */
    void write(BuildTelemetry telemetry) throws StoreException;

    /** The most recent builds, newest first. */
    List<BuildSummary> recentBuilds(int limit) throws StoreException;

    /** Test classes by mean total duration over the last {@code lastBuilds} builds, slowest first. */
    List<ClassStats> slowestClasses(int limit, int lastBuilds) throws StoreException;

    /** Test methods that failed or erred most often over the last {@code lastBuilds} builds. */
    List<MethodStats> mostFailing(int limit, int lastBuilds) throws StoreException;

    /** Test methods that were flaky (failed, then passed on rerun) over the last {@code lastBuilds} builds. */
    List<MethodStats> flakiest(int limit, int lastBuilds) throws StoreException;

    /**
     * From now on, the selection reads of this store ({@link #lastGreenBuild}, {@link #testHistory},
     * {@link #classRuns}, {@link #latestModel}) see only {@code snapshot}; the statistics reads stay live.
     *
     * @return this store
     * @throws StoreException when this store cannot read a snapshot
     */
    default TelemetryStore readAsOf(StoreSnapshot snapshot) throws StoreException {
        if (!snapshot.live()) {
            throw new StoreException("this store cannot read a snapshot");
        }
        return this;
    }

    /**
     * CI run {@code proposed.runId()}'s snapshot (see {@link StoreSnapshot}): the one stored for the run, else
     * {@code proposed}, which is stored for the run when {@code create} (the first shard to start sets it for all).
     */
    default RunSnapshot runSnapshot(RunSnapshot proposed, boolean create) throws StoreException {
        throw new StoreException("this store keeps no run snapshots");
    }

    /** The newest green build of {@code branch} (see {@link GreenBuild}), if any; none for a {@code null} branch. */
    /**
     * The facts {@code ard:report} and {@code ard:stats} analyse (misses, flakiness, duration regressions, the build
     * profile) for one window of the history.
     */
    default InsightFacts insightFacts(InsightWindow window) throws StoreException {
        throw new StoreException("this store keeps no history to report on");
    }

    /** The reason selection gave for each skip named by an {@link InsightFacts#key} (build, module, class). */
    default Map<String, String> skipReasons(java.util.Collection<String> keys) throws StoreException {
        throw new StoreException("this store keeps no selection decisions");
    }

    Optional<GreenBuild> lastGreenBuild(String branch) throws StoreException;

    /** What the last {@code lastBuilds} builds say about test classes (see {@link TestHistory}). */
    TestHistory testHistory(String branch, int lastBuilds) throws StoreException;

    /**
     * Per-class results of the last {@code lastBuilds} builds of {@code branch} (every branch when {@code null}),
     * oldest build first, with each build's recorded changed paths in {@code changes} (build id → paths).
     * A default that refuses, so other implementations stay source compatible.
     */
    default List<ClassRun> classRuns(String branch, int lastBuilds, Map<String, List<String>> changes)
            throws StoreException {
        throw new StoreException("this store keeps no per-class history");
    }

    /**
     * Keeps the bytecode snapshots of {@code commit} (module → packed bytes, as {@code impact.snapshot.SnapshotStore}
     * writes them), replacing earlier ones of the same modules; only the newest commits are kept.
     */
    default void saveBytecodeSnapshots(String commit, Map<String, byte[]> modules) throws StoreException {
        throw new StoreException("this store keeps no bytecode snapshots");
    }

    /** The bytecode snapshots kept for {@code commit} (module → packed bytes); empty when none (or too large). */
    default Map<String, byte[]> bytecodeSnapshots(String commit) throws StoreException {
        return Map.of();
    }

    /** Stores a trained model under the next version and returns that version. */
    default int saveModel(java.time.Instant trainedAt, String metrics, byte[] bytes) throws StoreException {
        throw new StoreException("this store keeps no models");
    }

    /** The newest stored model, if any. */
    default Optional<StoredModel> latestModel() throws StoreException {
        return Optional.empty();
    }

    /** The schema version this store is at after migrations. */
    int schemaVersion() throws StoreException;

    @Override
    void close() throws StoreException;

    /**
     * A row of {@link #recentBuilds}. {@code tests} counts what Surefire reported (every outcome but
     * {@code SKIPPED_BY_SELECTION}, like its "Tests run"); {@code failed} is FAILED plus ERROR;
     * {@code testTimeMs} sums the durations of all test results.
     */
    record BuildSummary(
            BuildRecord build, int tests, int failed, int skipped, int skippedBySelection, long testTimeMs) {}

    /**
     * A row of {@link #slowestClasses}: {@code builds} in which the class ran (a build whose selection left
     * it out does not count), its mean total duration over those builds, and its FAILED/ERROR method results.
     */
    record ClassStats(String module, String className, int builds, long meanDurationMs, int failures) {}

    /**
     * A row of {@link #mostFailing} / {@link #flakiest}: {@code runs} are results that executed (PASSED,
     * FAILED, ERROR), {@code failures} FAILED or ERROR ones, {@code flaky} results marked flaky, and
     * {@code lastFingerprint} the newest non-null failure fingerprint (or {@code null}).
     */
    record MethodStats(
            String module,
            String className,
            String methodName,
            int runs,
            int failures,
            int flaky,
            String lastFingerprint) {}
}
