package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.util.List;

/**
 * What changed since a build's base: committed since the base, staged, unstaged and untracked (not ignored).
 *
 * <p>A rename yields {@code RENAMED} for the new path and {@code DELETED} for the old one, so a consumer that only
 * looks at paths sees both sides. A submodule whose recorded commit or working tree differs appears once, as its
 * directory, {@code MODIFIED}.
 *
 * @param baseCommit   sha the changes are relative to, or {@code null} when no base could be used
 * @param baseSource   {@link #EXPLICIT}, {@link #CI}, {@link #LAST_GREEN}, {@link #GIVEN} or {@link #NONE}
 * @param changes      sorted by path; without a base, only the uncommitted changes (if they could be read)
 * @param runAllReason {@code null} when the changes are precise; otherwise one line saying why every test must run
 */
public record ChangeSet(String baseCommit, String baseSource, List<Change> changes, String runAllReason) {

    public static final String EXPLICIT = "explicit";
    public static final String CI = "ci";
    public static final String LAST_GREEN = "lastGreen";
    public static final String NONE = "none";
    /** Changes named by the user ({@code ard:select -Dard.changed=…}), not read from git. */
    public static final String GIVEN = "given";

    /** A what-if change set: these repository-relative paths changed ({@code MODIFIED}), no base commit. */
    public static ChangeSet of(List<String> paths) {
        return new ChangeSet(null, GIVEN, paths.stream().distinct().sorted().map(p -> new Change(p, "MODIFIED")).toList(), null);
    }

    public ChangeSet {
        changes = List.copyOf(changes);
    }

    static ChangeSet runAll(List<Change> uncommitted, String reason) {
        return new ChangeSet(null, NONE, uncommitted, reason);
    }

    /** True when the change set can drive a selection (a base was found and read). */
    public boolean precise() {
        return runAllReason == null;
    }

    /** The changed paths, repository-relative with {@code /}. */
    public List<String> paths() {
        return changes.stream().map(Change::path).toList();
    }
}
