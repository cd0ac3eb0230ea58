package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * One Maven invocation.
 *
 * @param id           random UUID, made by the writer (so SQLite and PostgreSQL need no sequences)
 * @param startedAt    session start
 * @param finishedAt   session end
 * @param rootDir      absolute multi-module root (directory holding {@code .mvn})
 * @param commit       HEAD commit sha, or {@code null} outside git
 * @param branch       branch name, or {@code null} when detached / outside git
 * @param dirty        working tree had changes
 * @param ciProvider   {@code github}, {@code gitlab}, {@code jenkins}, {@code ci} (generic) or {@code null}
 * @param ciBuildUrl   link to the CI run, or {@code null}
 * @param goals        goals and phases given on the command line
 * @param mavenVersion Maven version
 * @param javaVersion  Java runtime version
 * @param os           OS name, version and architecture
 * @param mode         test-selection mode used ({@code all}, {@code off}, …)
 * @param result       {@code SUCCESS} or {@code FAILURE}
 */
public record BuildRecord(
        String id,
        Instant startedAt,
        Instant finishedAt,
        String rootDir,
        String commit,
        String branch,
        boolean dirty,
        String ciProvider,
        String ciBuildUrl,
        List<String> goals,
        String mavenVersion,
        String javaVersion,
        String os,
        String mode,
        String result) {

    public BuildRecord {
        goals = List.copyOf(goals);
    }
}
