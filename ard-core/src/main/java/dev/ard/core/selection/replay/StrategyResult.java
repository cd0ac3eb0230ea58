package dev.ard.core.selection.replay;

/**
 * One strategy's numbers over the replayed builds, counts beside every fraction (the datasets have few failures).
 *
 * @param strategy            {@link Strategy#id()}
 * @param applicable          false when the history cannot support it (safe without bytecode); the numbers are then 0
 * @param failingTestRecall   failing test classes selected / failing test classes (NaN when none failed)
 * @param failingBuildRecall  failing builds with at least one failing test selected / failing builds (NaN when none)
 * @param testClassFraction   test classes selected / test classes, over all replayed builds
 * @param testTimeFraction    duration of the selected / duration of all, over all replayed builds
 * @param apfdc               mean APFDc of the strategy's full order over the failing builds (NaN when none)
 */
record StrategyResult(
        String strategy,
        boolean applicable,
        double failingTestRecall,
        double failingBuildRecall,
        double testClassFraction,
        double testTimeFraction,
        double apfdc,
        int failingTestsCaught,
        int failingTests,
        int failingBuildsCaught,
        int failingBuilds,
        long testClassesRun,
        long testClasses,
        double testTimeRunMs,
        double testTimeMs) {}
