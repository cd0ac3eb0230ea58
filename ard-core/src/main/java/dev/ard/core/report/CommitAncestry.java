package dev.ard.core.report;

/** Whether one commit contains another, i.e. the earlier one is an ancestor of (or equal to) the later one. */
@FunctionalInterface
public interface CommitAncestry {

    /** Without the repository only equal commits are known to contain each other. */
    CommitAncestry SAME_COMMIT_ONLY = (later, earlier) -> later.equals(earlier);

    /** True when {@code later} contains {@code earlier}; false when it does not or cannot be told (unknown commits). */
    boolean contains(String later, String earlier);
}
