package dev.ard.core.selection.replay;

import java.util.ArrayList;
import java.util.List;

/** Accumulates one strategy's per-build outcomes into a {@link StrategyResult}. */
final class Tally {

    private int testsCaught;
    private int tests;
    private int buildsCaught;
    private int builds;
    private long classesRun;
    private long classes;
    private double timeRun;
    private double time;
    private final List<Double> apfdc = new ArrayList<>();

    /**
     * @param order    the strategy's full order of the suite
     * @param selected how many of {@code order}'s first entries it runs
     */
    void add(List<String> order, int selected, java.util.Map<String, dev.ard.core.selection.history.TestRun> suite) {
        List<Double> durations = new ArrayList<>(order.size());
        List<Boolean> failing = new ArrayList<>(order.size());
        int failed = 0;
        int caught = 0;
        for (int i = 0; i < order.size(); i++) {
            var run = suite.get(order.get(i));
            durations.add(run.durationMs());
            failing.add(run.failed());
            classes++;
            time += run.durationMs();
            if (i < selected) {
                classesRun++;
                timeRun += run.durationMs();
            }
            if (run.failed()) {
                failed++;
                if (i < selected) {
                    caught++;
                }
            }
        }
        tests += failed;
        testsCaught += caught;
        if (failed > 0) {
            builds++;
            if (caught > 0) {
                buildsCaught++;
            }
            apfdc.add(Apfdc.of(durations, failing));
        }
    }

    StrategyResult result(Strategy s, boolean applicable) {
        if (!applicable) {
            return new StrategyResult(
                    s.id(), false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double meanApfdc =
                apfdc.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new StrategyResult(
                s.id(),
                true,
                ratio(testsCaught, tests),
                ratio(buildsCaught, builds),
                ratio(classesRun, classes),
                ratio(timeRun, time),
                meanApfdc,
                testsCaught,
                tests,
                buildsCaught,
                builds,
                classesRun,
                classes,
                timeRun,
                time);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
