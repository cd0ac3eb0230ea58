package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed since a build's base: committed since the base, staged, unstaged and untracked (not ignored), one
 * {@link Change} per path, repository-relative with {@code /}.
 *
 * <p>Kinds, decided by comparing the base tree with the working tree (what the tests will see): {@code MODIFIED}
 * (in both), {@code ADDED} (new and tracked), {@code UNTRACKED} (new, neither tracked nor ignored), {@code RENAMED}
 * (new path of a rename committed since the base) and {@code DELETED} (not on disk any more, including the old path
 * of every rename). An uncommitted rename shows as {@code DELETED} plus {@code ADDED} or {@code UNTRACKED}: JGit's
 * status does no rename detection, and a consumer that reads paths sees both sides either way. A submodule whose
 * recorded commit, checked-out commit or working tree differs appears once, as its directory, {@code MODIFIED}.
 *
 * @param baseCommit   sha the changes are relative to (for {@link #EXPLICIT} and {@link #CI}: the merge base of
 *                     HEAD with that ref), or {@code null} when no base was used
 * @param baseSource   {@link #EXPLICIT}, {@link #CI}, {@link #LAST_GREEN}, {@link #GIVEN} or {@link #NONE}
 * @param changes      sorted by path, one entry per path; without a base only the uncommitted changes (if they
 *                     could be read), which a consumer may show but must not select with
 * @param runAllReason {@code null} when the changes are precise; otherwise one line saying why every test must run
 * @param changedLines for modified Java sources whose edits lie in lines a method body may hold: path → the changed
 *                     ranges of the working-tree file ({@code 12-14}); a path not in it changed as a whole
 */
public record ChangeSet(
        String baseCommit,
        String baseSource,
        List<Change> changes,
        String runAllReason,
        Map<String, List<String>> changedLines) {

    /** The base came from {@code -Dard.baseRef}. */
    public static final String EXPLICIT = "explicit";
    /** The base is the merge base of HEAD with the CI's pull/merge request target branch. */
    public static final String CI = "ci";
    /** The base is the last green build of this branch. */
    public static final String LAST_GREEN = "lastGreen";
    /** The paths were given by the user ({@code -Dard.changed}); there is no base commit. */
    public static final String GIVEN = "given";
    /** No base could be used; {@link #runAllReason()} says why. */
    public static final String NONE = "none";

    public ChangeSet {
        changes = List.copyOf(changes);
        changedLines = changedLines == null ? Map.of() : Map.copyOf(changedLines);
    }

    /** A change set without line information: every changed file counts as a whole. */
    public ChangeSet(String baseCommit, String baseSource, List<Change> changes, String runAllReason) {
        this(baseCommit, baseSource, changes, runAllReason, Map.of());
    }

    /**
     * A change set from a user-given list of paths ({@code -Dard.changed=a/B.java,c/D.java}), taken as they are:
     * each becomes {@code MODIFIED}, with {@code \} turned into {@code /}, a leading {@code ./} and a trailing
     * {@code /} dropped; blanks and
     * duplicates are dropped. Precise (no run-all reason), base source {@link #GIVEN}, no base commit.
     */
    public static ChangeSet of(List<String> paths) {
        TreeSet<String> sorted = new TreeSet<>();
        if (paths != null) {
            for (String path : paths) {
                String normalized = normalize(path);
                if (normalized != null) {
                    sorted.add(normalized);
                }
            }
        }
        return new ChangeSet(
                null, GIVEN, sorted.stream().map(p -> new Change(p, "MODIFIED")).toList(), null);
    }

    static ChangeSet runAll(List<Change> uncommitted, String reason) {
        return new ChangeSet(null, NONE, uncommitted, reason);
    }

    /** A commit as people read it in one line: its first 10 hex digits (shorter or null values as they are). */
    public static String shortSha(String sha) {
        return sha == null || sha.length() <= 10 ? String.valueOf(sha) : sha.substring(0, 10);
    }

    /** True when the change set can drive a selection (a base was found and read, or the paths were given). */
    public boolean precise() {
        return runAllReason == null;
    }

    /**
     * What the impact analysis is given: each changed path, except a modified Java source whose changed lines are
     * known, which gives one {@code path:from-to} entry per changed range (none when its content equals the base's).
     */
    public List<String> analysisEntries() {
        List<String> entries = new ArrayList<>(changes.size());
        for (Change change : changes) {
            List<String> ranges = changedLines.get(change.path());
            if (ranges == null) {
                entries.add(change.path());
            } else {
                ranges.forEach(range -> entries.add(change.path() + ":" + range));
            }
        }
        return entries;
    }

    /** The changed paths, repository-relative with {@code /}, sorted. */
    public List<String> paths() {
        return changes.stream().map(Change::path).toList();
    }

    /** A path as git writes it, or {@code null} when blank. */
    static String normalize(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String normalized = path.strip().replace('\\', '/');
        while (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.isEmpty() ? null : normalized;
    }

    static List<String> normalizeAll(Collection<String> paths) {
        return paths.stream().map(ChangeSet::normalize).filter(p -> p != null).toList();
    }
}
