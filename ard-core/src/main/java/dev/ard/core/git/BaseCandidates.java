package dev.ard.core.git;

import java.util.List;

/**
 * Where a build may take its base commit from, in the order {@link ChangeSetResolver} tries them. Blank or
 * {@code null} means "not given".
 *
 * @param explicitRef     a revision the user asked for ({@code -Dard.baseRef}): a sha, a branch, {@code origin/main},
 *                        {@code HEAD~1}, anything JGit resolves. When given, it is the only candidate.
 * @param ciBaseRef       the pull/merge request's target branch as the CI names it (e.g. {@code GITHUB_BASE_REF}),
 *                        tried as {@code origin/<ref>}, then {@code <ref>}
 * @param lastGreenCommit the sha of the last green build of this branch, as the telemetry store knows it
 * @param lastGreenDirty  files that were dirty in that green build: its result was for that tree, not for the
 *                        commit, so they count as changed whenever the last green commit is the base
 */
public record BaseCandidates(String explicitRef, String ciBaseRef, String lastGreenCommit, List<String> lastGreenDirty) {

    public static final BaseCandidates NONE = new BaseCandidates(null, null, null, List.of());

    public BaseCandidates {
        lastGreenDirty = lastGreenDirty == null ? List.of() : List.copyOf(lastGreenDirty);
    }

    public BaseCandidates(String explicitRef, String ciBaseRef, String lastGreenCommit) {
        this(explicitRef, ciBaseRef, lastGreenCommit, List.of());
    }

    public static BaseCandidates explicit(String ref) {
        return new BaseCandidates(ref, null, null);
    }

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
