package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.util.List;

/**
 * What JGit sees of the working tree at build start.
 *
 * @param available false outside a git repository (then every other field is empty)
 * @param commit    HEAD sha, or {@code null} (unborn branch)
 * @param branch    short branch name, or {@code null} when detached
 * @param detached  HEAD is detached
 * @param shallow   the repository is a shallow clone
 * @param remoteUrl {@code origin}'s URL with any user-info removed, or {@code null}
 * @param changes   uncommitted changes (staged, unstaged, untracked and not ignored)
 * @param problem   why the state is unavailable or partial, one line, or {@code null}
 */
public record GitState(
        boolean available,
        String commit,
        String branch,
        boolean detached,
        boolean shallow,
        String remoteUrl,
        List<Change> changes,
        String problem) {

    public GitState {
        changes = List.copyOf(changes);
    }

    public static GitState unavailable(String problem) {
        return new GitState(false, null, null, false, false, null, List.of(), problem);
    }

    public boolean dirty() {
        return !changes.isEmpty();
    }
}
