package dev.ard.core.telemetry;

/**
 * Where a build ran: the working tree and what git said about it at build start.
 *
 * @param rootDir absolute multi-module root (directory holding {@code .mvn}), or {@code null} when unknown
 * @param commit  HEAD commit sha, or {@code null} outside git
 * @param branch  branch name, or {@code null} when detached / outside git
 * @param dirty   the working tree had changes
 */
public record Checkout(String rootDir, String commit, String branch, boolean dirty) {

    /** A root that is no git working tree (or could not be read). */
    public static Checkout outsideGit(String rootDir) {
        return new Checkout(rootDir, null, null, false);
    }
}
