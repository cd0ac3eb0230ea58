package dev.ard.core.selection.bench;

import dev.ard.core.selection.ShardPlan;
import dev.ard.core.selection.history.CsvHistory;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shard balance on real CI history (not a test): for each of the last {@code builds} builds of a dataset, the classes
 * that ran are split into {@code n} shards by {@link ShardPlan} with the estimates ARD would have had (mean durations
 * over the 50 builds before it, unknown classes at the median), and the shards are timed with the durations that build
 * really recorded. Prints, per shard count, the slowest shard over the ideal (total / n) as planned and as it really
 * ran (median and 90th percentile over the builds), the simulated wall time of the sharded run next to one job, and
 * the same for a split by class count (alphabetical round robin, what a plain matrix split does).
 *
 * <pre>
 * ./mvnw -B -ntp -o -q -pl ard-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp ard-core/target/test-classes:ard-core/target/classes:$(cat ard-core/target/cp.txt) \
 *      dev.ard.core.selection.bench.ShardBench ../shared/data/history/codec ../shared/data/history/compress
 * </pre>
 */
public final class ShardBench {

    private static final int WINDOW = 50;
    private static final int BUILDS = 100;

    private ShardBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--reports")) {
            suite(java.util.Arrays.asList(args).subList(1, args.length));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%-10s %3s %7s %6s %11s %14s %14s %14s %10s %10s%n",
                "dataset",
                "n",
                "classes",
                "builds",
                "floor med",
                "planned med",
                "real med/p90",
                "by count p90",
                "wall 1 job",
                "wall n");
        List<String> wholeSuites = new ArrayList<>();
        for (String arg : args) {
            History history = CsvHistory.read(Path.of(arg));
            List<HistoryBuild> builds = history.builds();
            for (int n : new int[] {2, 4, 8}) {
                run(Path.of(arg).getFileName().toString(), builds, n);
            }
            wholeSuites.add(Path.of(arg).getFileName() + ": " + whole(builds));
        }
        wholeSuites.forEach(System.out::println);
    }

    /** Every class of the history at its mean duration, split in 4: the slowest shard over the ideal, and the floor. */
    private static String whole(List<HistoryBuild> builds) {
        List<ShardPlan.Item> items = new ArrayList<>();
        means(builds).forEach((k, ms) -> items.add(new ShardPlan.Item("m", k, ms)));
        long total = items.stream().mapToLong(ShardPlan.Item::estimateMs).sum();
        long longest =
                items.stream().mapToLong(ShardPlan.Item::estimateMs).max().orElse(0);
        long slowest = ShardPlan.partition(items, 4).stream()
                .mapToLong(
                        sh -> sh.stream().mapToLong(ShardPlan.Item::estimateMs).sum())
                .max()
                .orElse(0);
        return String.format(
                Locale.ROOT,
                "whole suite of %d classes in 4 shards: slowest / ideal %.3f (floor %.3f)",
                items.size(),
                slowest / (total / 4.0),
                Math.max(1.0, longest / (total / 4.0)));
    }

    private static void run(String name, List<HistoryBuild> builds, int n) {
        List<Double> planned = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        List<Double> byCount = new ArrayList<>();
        List<Double> oneJob = new ArrayList<>();
        List<Double> sharded = new ArrayList<>();
        int classes = 0;
        int from = Math.max(WINDOW, builds.size() - BUILDS);
        for (int k = from; k < builds.size(); k++) {
            HistoryBuild build = builds.get(k);
            if (build.tests().size() < n) {
                continue;
            }
            ShardPlan.Estimates estimates = ShardPlan.Estimates.of(means(builds.subList(k - WINDOW, k)));
            List<ShardPlan.Item> items = new ArrayList<>();
            Map<String, Double> actual = new HashMap<>();
            for (TestRun run : build.tests().values()) {
                items.add(estimates.item("m", run.className()));
                actual.put(run.className(), run.durationMs());
            }
            classes = Math.max(classes, items.size());
            List<List<ShardPlan.Item>> shards = ShardPlan.partition(items, n);
            double total =
                    actual.values().stream().mapToDouble(Double::doubleValue).sum();
            double estimatedTotal =
                    items.stream().mapToLong(ShardPlan.Item::estimateMs).sum();
            double slowestPlanned = 0;
            double slowestReal = 0;
            for (List<ShardPlan.Item> shard : shards) {
                slowestPlanned = Math.max(
                        slowestPlanned,
                        shard.stream().mapToLong(ShardPlan.Item::estimateMs).sum());
                slowestReal = Math.max(
                        slowestReal,
                        shard.stream()
                                .mapToDouble(i -> actual.get(i.className()))
                                .sum());
            }
            List<String> names = actual.keySet().stream().sorted().toList();
            double[] count = new double[n];
            for (int i = 0; i < names.size(); i++) {
                count[i % n] += actual.get(names.get(i));
            }
            double slowestCount = 0;
            for (double c : count) {
                slowestCount = Math.max(slowestCount, c);
            }
            if (total <= 0 || estimatedTotal <= 0) {
                continue;
            }
            planned.add(slowestPlanned / (estimatedTotal / n));
            long longest =
                    items.stream().mapToLong(ShardPlan.Item::estimateMs).max().orElse(0);
            floor.add(Math.max(1.0, longest / (estimatedTotal / n)));
            real.add(slowestReal / (total / n));
            byCount.add(slowestCount / (total / n));
            oneJob.add(total);
            sharded.add(slowestReal);
        }
        System.out.printf(
                Locale.ROOT,
                "%-10s %3d %7d %6d %11.3f %14.3f %7.3f/%6.3f %14.3f %9.1fs %9.1fs%n",
                name,
                n,
                classes,
                real.size(),
                quantile(floor, 0.5),
                quantile(planned, 0.5),
                quantile(real, 0.5),
                quantile(real, 0.9),
                quantile(byCount, 0.9),
                quantile(oneJob, 0.5) / 1000,
                quantile(sharded, 0.5) / 1000);
    }

    /**
     * One real suite, whole: the classes of the JUnit XML reports under each directory (its module), with the
     * durations they recorded, split into 2, 4 and 8 shards; the slowest shard over the ideal, next to the floor that
     * the longest class sets, and the wall time of the sharded run next to one job.
     */
    private static void suite(List<String> dirs) throws Exception {
        List<ShardPlan.Item> items = new ArrayList<>();
        for (String dir : dirs) {
            Map<String, Long> classes = new java.util.TreeMap<>();
            try (var files = java.nio.file.Files.list(Path.of(dir))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                        .sorted()
                        .toList()) {
                    for (var attempt : dev.ard.core.telemetry.JUnitXmlReports.readFile(file)) {
                        classes.merge(attempt.className(), attempt.durationMs(), Long::sum);
                    }
                }
            }
            classes.forEach((c, ms) -> items.add(new ShardPlan.Item(dir, c, ms)));
        }
        long total = items.stream().mapToLong(ShardPlan.Item::estimateMs).sum();
        long longest =
                items.stream().mapToLong(ShardPlan.Item::estimateMs).max().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "suite: %d classes in %d modules, %.1f s in one job%n",
                items.size(),
                dirs.size(),
                total / 1000.0);
        System.out.printf(
                Locale.ROOT, "%3s %16s %8s %10s %14s%n", "n", "slowest / ideal", "floor", "wall n", "by count");
        for (int n : new int[] {2, 4, 8}) {
            List<List<ShardPlan.Item>> shards = ShardPlan.partition(items, n);
            long slowest = shards.stream()
                    .mapToLong(sh ->
                            sh.stream().mapToLong(ShardPlan.Item::estimateMs).sum())
                    .max()
                    .orElse(0);
            List<ShardPlan.Item> byName = items.stream()
                    .sorted(java.util.Comparator.comparing(ShardPlan.Item::className))
                    .toList();
            long[] count = new long[n];
            for (int i = 0; i < byName.size(); i++) {
                count[i % n] += byName.get(i).estimateMs();
            }
            double ideal = total / (double) n;
            System.out.printf(
                    Locale.ROOT,
                    "%3d %16.3f %8.3f %9.1fs %14.3f%n",
                    n,
                    slowest / ideal,
                    Math.max(1.0, longest / ideal),
                    slowest / 1000.0,
                    java.util.Arrays.stream(count).max().orElse(0) / ideal);
        }
    }

    private static Map<String, Long> means(List<HistoryBuild> window) {
        Map<String, double[]> sums = new HashMap<>();
        for (HistoryBuild b : window) {
            for (TestRun run : b.tests().values()) {
                double[] s = sums.computeIfAbsent(TestHistory.key("m", run.className()), k -> new double[2]);
                s[0] += run.durationMs();
                s[1]++;
            }
        }
        Map<String, Long> means = new HashMap<>();
        sums.forEach((k, s) -> means.put(k, Math.round(s[0] / s[1])));
        return means;
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
