package dev.ard.core.git;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a build may take its base commit from, in the order {@link ChangeSetResolver} tries them. Blank or
 * {@code null} means "not given".
 *
 * @param explicitRef         a revision the user asked for ({@code -Dard.baseRef}): a sha, a branch,
 *                            {@code origin/main}, {@code HEAD~1}, anything JGit resolves. When given, it is the only
 *                            candidate: if it does not resolve, every test runs.
 * @param ciBaseRef           the pull/merge request's target branch as the CI names it (e.g. {@code GITHUB_BASE_REF},
 *                            see {@code CiEnvironment.baseRef()}), tried as {@code origin/<ref>}, then {@code <ref>}
 * @param lastGreenCommit     the sha of the last green build of this branch, as the telemetry store knows it
 * @param lastGreenDirtyPaths repository-relative paths that were uncommitted in that green build's working tree
 *                            (the store's record of its dirty files): the green result was for that dirty tree, so
 *                            these paths count as changed when the last green commit is the base used. Never
 *                            {@code null} after construction.
 */
public record BaseCandidates(
        String explicitRef, String ciBaseRef, String lastGreenCommit, List<String> lastGreenDirtyPaths) {

    /** No candidate at all: the change set says "no base commit" and every test runs. */
    public static final BaseCandidates NONE = new BaseCandidates(null, null, null, List.of());

    public BaseCandidates {
        lastGreenDirtyPaths = lastGreenDirtyPaths == null
                ? List.of()
                : lastGreenDirtyPaths.stream().filter(BaseCandidates::given).toList();
    }

    /** Candidates without dirty paths for the last green commit (that build's tree was clean, or is unknown). */
    public BaseCandidates(String explicitRef, String ciBaseRef, String lastGreenCommit) {
        this(explicitRef, ciBaseRef, lastGreenCommit, List.of());
    }

    /** Only {@code -Dard.baseRef}. */
    public static BaseCandidates explicit(String ref) {
        return new BaseCandidates(ref, null, null, List.of());
    }

    /** Only the last green build of this branch: its commit and the paths that were dirty in its working tree. */
    public static BaseCandidates lastGreen(String commit, Collection<String> dirtyPaths) {
        return new BaseCandidates(null, null, commit, dirtyPaths == null ? null : new ArrayList<>(dirtyPaths));
    }

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
