package dev.ard.core.report;

import dev.ard.core.telemetry.InsightFacts.DurationSeries;
import dev.ard.core.telemetry.InsightFacts.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Test classes that got slower (docs/architecture.md §10). Each class's durations come from consecutive green builds
 * of a full branch. The baseline is the median and the median absolute deviation (MAD) of the runs before a run; the
 * run is <em>slow</em> when it exceeds the median by the relative margin, by the absolute margin, and by
 * {@code madFactor} scaled MADs (so a noisy class needs a bigger jump). A class regressed when its newest run is slow;
 * the regression started at the first run of the unbroken streak of slow runs that ends with it, each judged against
 * the runs before the streak. Fewer than {@code minRuns} runs before a run: no judgement.
 *
 * @param minRuns    runs a baseline needs
 * @param relative   margin over the median, as a fraction (0.5 = 50 % slower)
 * @param absoluteMs margin over the median, in milliseconds
 * @param madFactor  margin in scaled MADs (1.4826 × MAD estimates a normal standard deviation)
 */
public record DurationRegressions(int minRuns, double relative, long absoluteMs, double madFactor) {

    /** At least 5 runs; 50 %, 1 s and 3 scaled MADs slower. */
    public static final DurationRegressions DEFAULTS = new DurationRegressions(5, 0.5, 1_000, 3.0);

    /** The scale that makes a MAD comparable with a standard deviation. */
    private static final double MAD_SCALE = 1.4826;

    /**
     * One regressed class.
     *
     * @param baselineMs  the median before the streak
     * @param madMs       its median absolute deviation
     * @param currentMs   the median of the streak
     * @param startedIn   the build id of the streak's first run
     * @param baselineRuns how many runs the baseline rests on
     * @param series      every duration of the class, oldest first
     */
    public record Regression(
            String module,
            String className,
            long baselineMs,
            long madMs,
            long currentMs,
            String startedIn,
            int slowRuns,
            int baselineRuns,
            List<Point> series) {

        public Regression {
            series = List.copyOf(series);
        }

        public double ratio() {
            return baselineMs == 0 ? Double.POSITIVE_INFINITY : (double) currentMs / baselineMs;
        }
    }

    /** The regressed classes, the largest slow-down (absolute) first. */
    public List<Regression> find(List<DurationSeries> all) {
        List<Regression> found = new ArrayList<>();
        for (DurationSeries series : all) {
            Regression regression = find(series);
            if (regression != null) {
                found.add(regression);
            }
        }
        found.sort(Comparator.comparingLong((Regression r) -> r.currentMs() - r.baselineMs())
                .reversed()
                .thenComparing(Regression::module)
                .thenComparing(Regression::className));
        return found;
    }

    Regression find(DurationSeries series) {
        List<Point> points = series.points();
        int n = points.size();
        if (n <= minRuns || !slow(points.get(n - 1).durationMs(), baseline(points, n - 1))) {
            return null;
        }
        int start = n - 1;
        // Extend the streak backwards while the earlier run, and every run after it, are slow against what came before.
        while (start - 1 >= minRuns && streakSlow(points, start - 1, n)) {
            start--;
        }
        long[] base = baseline(points, start);
        long[] streak = durations(points, start, n);
        return new Regression(
                series.module(),
                series.className(),
                base[0],
                base[1],
                median(streak),
                points.get(start).buildId(),
                n - start,
                start,
                points);
    }

    private boolean streakSlow(List<Point> points, int from, int to) {
        long[] base = baseline(points, from);
        for (int i = from; i < to; i++) {
            if (!slow(points.get(i).durationMs(), base)) {
                return false;
            }
        }
        return true;
    }

    private boolean slow(long durationMs, long[] baseline) {
        double median = baseline[0];
        return durationMs > median * (1 + relative)
                && durationMs - median > absoluteMs
                && durationMs - median > madFactor * MAD_SCALE * baseline[1];
    }

    /** Median and MAD of the runs before {@code end}. */
    private static long[] baseline(List<Point> points, int end) {
        long[] values = durations(points, 0, end);
        long median = median(values);
        long[] deviations = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return new long[] {median, median(deviations)};
    }

    private static long[] durations(List<Point> points, int from, int to) {
        long[] values = new long[to - from];
        for (int i = from; i < to; i++) {
            values[i - from] = points.get(i).durationMs();
        }
        return values;
    }

    static long median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
