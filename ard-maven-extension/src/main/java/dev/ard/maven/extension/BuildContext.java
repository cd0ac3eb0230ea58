package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.BuildRecord;
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
 * @param mavenVersion running Maven version
 * @param javaVersion  running Java version
 * @param os           OS name, version and architecture
 * @param mode         selection mode in effect ({@code all})
 */
public record BuildContext(
        String buildId,
        Instant startedAt,
        Path rootDir,
        CompletableFuture<GitState> gitState,
        CiEnvironment ci,
        List<String> goals,
        String mavenVersion,
        String javaVersion,
        String os,
        String mode) {

    public BuildContext {
        goals = List.copyOf(goals);
    }

    /** A context whose git state is already known. */
    public BuildContext(String buildId, Instant startedAt, Path rootDir, GitState git, CiEnvironment ci, List<String> goals,
            String mavenVersion, String javaVersion, String os, String mode) {
        this(buildId, startedAt, rootDir, CompletableFuture.completedFuture(git), ci, goals, mavenVersion, javaVersion, os, mode);
    }

    /** The working tree at build start; waits for the background inspection (it never fails, see the factory). */
    public GitState git() {
        return gitState.join();
    }

    /** The build record once the build has finished with {@code result} ({@code SUCCESS} or {@code FAILURE}). */
    public BuildRecord toRecord(Instant finishedAt, String result) {
        return toRecord(finishedAt, result, mode);
    }

    /** The build record, with the selection mode that was in effect. */
    public BuildRecord toRecord(Instant finishedAt, String result, String effectiveMode) {
        return new BuildRecord(
                buildId,
                startedAt,
                finishedAt,
                rootDir.toString(),
                git().commit(),
                git().branch(),
                git().dirty(),
                ci.provider(),
                ci.buildUrl(),
                goals,
                mavenVersion,
                javaVersion,
                os,
                effectiveMode,
                result);
    }

    /** {@code Linux 6.1.0 (amd64)} from the running JVM. */
    public static String currentOs() {
        return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "") + " (" + System.getProperty("os.arch", "") + ")";
    }
}
