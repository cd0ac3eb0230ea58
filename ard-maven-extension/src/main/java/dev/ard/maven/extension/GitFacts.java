package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import java.util.ArrayList;
import java.util.List;

/**
 * What ARD records of git for a build, and the one warning line when that is less than a full picture.
 * A CI checkout is usually a detached HEAD: the CI's own ref then names the branch, silently.
 */
final class GitFacts {

    private GitFacts() {}

    /** The git state to record: a detached HEAD takes its branch from the CI's ref where it names one. */
    static GitState effective(GitState git, CiEnvironment ci) {
        if (!git.available() || !git.detached() || git.branch() != null) {
            return git;
        }
        String branch = branchOf(ci.ref());
        return branch == null
                ? git
                : new GitState(
                        true, git.commit(), branch, true, git.shallow(), git.remoteUrl(), git.changes(), git.problem());
    }

    /** One line naming every reason the recorded git facts are incomplete, or {@code null} when they are complete. */
    static String warning(GitState git) {
        if (!git.available()) {
            return (git.problem() == null ? "not a git repository" : git.problem())
                    + ": build recorded without a commit";
        }
        List<String> causes = new ArrayList<>();
        if (git.problem() != null) {
            causes.add(git.problem());
        }
        if (git.detached() && git.branch() == null) {
            causes.add("detached HEAD at " + shortSha(git.commit())
                    + " and no CI branch: build recorded without a branch");
        }
        if (git.shallow()) {
            causes.add(
                    "shallow clone: git history is incomplete (fetch full history, e.g. actions/checkout fetch-depth: 0,"
                            + " for change-aware test selection)");
        }
        return causes.isEmpty() ? null : String.join("; ", causes);
    }

    /** {@code refs/heads/x} → x; {@code origin/x} → x; a plain name as is; other refs (PR merge refs, tags) → none. */
    static String branchOf(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        if (ref.startsWith("refs/heads/")) {
            return ref.substring("refs/heads/".length());
        }
        if (ref.startsWith("refs/")) {
            return null;
        }
        return ref.startsWith("origin/") ? ref.substring("origin/".length()) : ref;
    }

    private static String shortSha(String sha) {
        return sha == null ? "an unborn commit" : sha.substring(0, Math.min(10, sha.length()));
    }
}
