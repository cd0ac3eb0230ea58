package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * Which part of the history {@link InsightFacts} covers.
 *
 * @param since          the oldest build start included
 * @param maxBuilds      at most this many builds, the newest
 * @param fullBranches   globs of the branches where every test runs ({@link BranchGlobs}; duration baselines come
 *                       from their green builds)
 * @param durationBuilds how many of the newest green full-branch builds the duration series cover
 * @param profileBuilds  how many of the newest builds the mojo timings cover
 * @param drillDown      how many of the newest selective builds keep every decision
 * @param maxWatched     at most this many failing or flaky classes are watched (the most recently failing)
 */
public record InsightWindow(
        Instant since,
        int maxBuilds,
        List<String> fullBranches,
        int durationBuilds,
        int profileBuilds,
        int drillDown,
        int maxWatched) {

    public InsightWindow {
        fullBranches = List.copyOf(fullBranches);
        if (maxBuilds < 1 || durationBuilds < 1 || profileBuilds < 1 || drillDown < 0 || maxWatched < 1) {
            throw new IllegalArgumentException("window sizes must be positive");
        }
    }

    /** The last {@code maxBuilds} builds since {@code since}, with the usual depth for the rest. */
    public static InsightWindow of(Instant since, int maxBuilds, List<String> fullBranches) {
        return new InsightWindow(since, maxBuilds, fullBranches, 30, 30, 10, 500);
    }
}
