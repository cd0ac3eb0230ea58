package dev.ard.core.selection.bench;

import dev.ard.core.selection.features.Feature;
import dev.ard.core.selection.model.FailureModel;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.TrainingSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Timing driver (not a test): training on 100 000 rows and scoring 2 000 candidates, median of several runs after a
 * warm-up. Rows are synthetic but shaped like real ones: the 17 features, about 1 % failing, 50 rows per build.
 *
 * <pre>
 * ./mvnw -B -ntp -o -q -pl ard-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ard-core/target/test-classes:ard-core/target/classes:$(cat ard-core/target/cp.txt) \
 *      dev.ard.core.selection.bench.PredictiveBench
 * </pre>
 */
public final class PredictiveBench {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private PredictiveBench() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        TrainingSet set = rows(rows, 1);
        System.out.printf(
                Locale.ROOT,
                "rows %d, failing %d, features %d, cores %d, java %s%n",
                set.size(),
                set.positives(),
                Feature.values().length,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        FailureModel.train(rows(10_000, 2)); // warm-up
        double[] fit = new double[3];
        double[] fitCpu = new double[3];
        FailureModel model = null;
        for (int i = 0; i < fit.length; i++) {
            long t = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            model = FailureModel.train(set);
            fit[i] = (System.nanoTime() - t) / 1e6;
            fitCpu[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
        }
        long t0 = System.nanoTime();
        ModelTrainer.Outcome outcome = ModelTrainer.train(set, 0.99, ModelTrainer.Requirements.DEFAULT);
        double trainer = (System.nanoTime() - t0) / 1e6;

        TrainingSet batch = rows(candidates, 3);
        double[][] x = new double[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            x[i] = batch.x(i);
        }
        for (int i = 0; i < 20; i++) {
            model.score(x); // warm-up
        }
        double[] score = new double[21];
        double[] scoreCpu = new double[21];
        for (int i = 0; i < score.length; i++) {
            long t = System.nanoTime();
            long c = CPU.getCurrentThreadCpuTime();
            model.score(x);
            score[i] = (System.nanoTime() - t) / 1e6;
            scoreCpu[i] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "train %d rows (trees only): median %.0f ms wall of %s, %.0f ms CPU; load average %.1f%n",
                rows,
                median(fit),
                Arrays.toString(round(fit)),
                median(fitCpu),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "train %d rows incl. 30%% held-out calibration (ModelTrainer): %.0f ms, ready=%s%n",
                rows,
                trainer,
                outcome.ready());
        System.out.printf(
                Locale.ROOT,
                "score %d candidates: median %.1f ms wall (min %.1f, max %.1f), %.1f ms CPU%n",
                candidates,
                median(score),
                Arrays.stream(score).min().orElse(0),
                Arrays.stream(score).max().orElse(0),
                median(scoreCpu));
        // a cold first scoring, as a build's single call would see it, is measured by a fresh JVM: see BENCHMARKS.md
    }

    static TrainingSet rows(int n, long seed) {
        Random r = new Random(seed);
        TrainingSet set = new TrainingSet();
        for (int i = 0; i < n; i++) {
            double[] x = new double[Feature.values().length];
            x[Feature.IN_SAFE_SET.ordinal()] = -1;
            x[Feature.GRAPH_DISTANCE.ordinal()] = -1;
            x[Feature.CHANGED_CLASSES_REACHING.ordinal()] = -1;
            x[Feature.NAME_AFFINITY.ordinal()] = r.nextDouble() < 0.1 ? r.nextDouble() : 0;
            x[Feature.PACKAGE_AFFINITY.ordinal()] = r.nextDouble();
            x[Feature.FAILURE_RATE.ordinal()] = r.nextDouble() * 0.05;
            x[Feature.FAILURE_RATE_RECENT.ordinal()] = r.nextInt(3) / 10.0;
            x[Feature.RUNS_SINCE_FAILURE.ordinal()] = r.nextDouble() < 0.5 ? 1000 : r.nextInt(200);
            x[Feature.FLAKY_RATE.ordinal()] = r.nextDouble() * 0.02;
            x[Feature.MEAN_DURATION.ordinal()] = Math.log1p(r.nextInt(20_000));
            x[Feature.CO_FAILURE.ordinal()] = r.nextInt(5);
            x[Feature.CO_FAILURE_RATIO.ordinal()] = r.nextDouble() < 0.05 ? r.nextDouble() : 0;
            x[Feature.CHANGED_FILES.ordinal()] = 1 + r.nextInt(30);
            x[Feature.CHANGED_MAIN_SOURCES.ordinal()] = r.nextInt(10);
            x[Feature.RUNS.ordinal()] = Math.log1p(r.nextInt(500));
            boolean failed = r.nextDouble()
                    < 0.004 + 0.5 * x[Feature.CO_FAILURE_RATIO.ordinal()] * x[Feature.PACKAGE_AFFINITY.ordinal()];
            set.add(x, failed, i / 50);
        }
        return set;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(Math::rint).toArray();
    }
}
