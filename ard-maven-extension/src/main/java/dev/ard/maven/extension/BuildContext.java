package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.ToolVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What is known about a build at its start, resolved once per session.
 *
 * @param buildId      random id of this build
 * @param startedAt    session start
 * @param rootDir      the multi-module root (holds {@code .mvn})
 * @param gitState     the working tree at build start, read in the background (see {@link BuildContextFactory})
 * @param ci           the CI system, or {@link CiEnvironment#LOCAL}
 * @param goals        goals and phases from the command line
 * @param tools        running Maven and Java versions, the OS
 * @param mode         the selection mode asked for, as it is recorded when nothing more is known at the end
 */
record BuildContext(
        String buildId,
        Instant startedAt,
        Path rootDir,
        CompletableFuture<GitState> gitState,
        CiEnvironment ci,
        List<String> goals,
        ToolVersions tools,
        RecordedMode mode) {

    public BuildContext {
        goals = List.copyOf(goals);
    }

    /** A context whose git state is already known. */
    public BuildContext(
            String buildId,
            Instant startedAt,
            Path rootDir,
            GitState git,
            CiEnvironment ci,
            List<String> goals,
            ToolVersions tools,
            RecordedMode mode) {
        this(buildId, startedAt, rootDir, CompletableFuture.completedFuture(git), ci, goals, tools, mode);
    }

    /** How a selection mode is recorded with the build. */
    public static RecordedMode recorded(SelectionMode mode) {
        return switch (mode) {
            case OFF -> RecordedMode.OFF;
            case ALL -> RecordedMode.ALL;
            case SAFE -> RecordedMode.SAFE;
            case PREDICTIVE -> RecordedMode.PREDICTIVE;
        };
    }

    /** The working tree at build start; waits for the background inspection (it never fails, see the factory). */
    public GitState git() {
        return gitState.join();
    }

    /** The build record once the build has finished with {@code result}. */
    public BuildRecord toRecord(Instant finishedAt, BuildResult result) {
        return toRecord(finishedAt, result, mode);
    }

    /** The build record, with the selection mode that was in effect. */
    public BuildRecord toRecord(Instant finishedAt, BuildResult result, RecordedMode effectiveMode) {
        return toRecord(finishedAt, result, effectiveMode, null);
    }

    /** The build record, with the selection mode that was in effect and the shard it ran ({@code 2/4}, or null). */
    public BuildRecord toRecord(Instant finishedAt, BuildResult result, RecordedMode effectiveMode, String shard) {
        GitState git = git();
        return new BuildRecord(
                buildId,
                startedAt,
                finishedAt,
                goals,
                new Checkout(rootDir.toString(), git.commit(), git.branch(), git.dirty()),
                new CiRun(ci.provider(), ci.buildUrl(), ci.runId(), shard),
                tools,
                effectiveMode,
                result);
    }

    /** {@code Linux 6.1.0 (amd64)} from the running JVM. */
    public static String currentOs() {
        return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "") + " ("
                + System.getProperty("os.arch", "") + ")";
    }
}
