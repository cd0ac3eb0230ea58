package dev.ard.core.report.bench;

import dev.ard.core.report.CommitAncestry;
import dev.ard.core.report.HtmlReport;
import dev.ard.core.report.ReportData;
import dev.ard.core.report.ReportInputs;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.SelectionEntry;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.ToolVersions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The report at scale (issue: 2 000 builds × 3 000 test classes ≈ 6 M result rows): writes a generated history into a
 * SQLite store through the real writer (once; reused when the file exists), then times what {@code ard:report} and
 * {@code ard:stats} do on it, prints the report's size and SQLite's query plans of the report's row-level reads.
 *
 * <p>History: builds alternate between {@code main} (mode all: every class runs) and feature branches (mode safe: 10 %
 * of the classes run, the others are skipped by selection); each class has one method; 0.3 % of runs fail, 0.2 % pass on
 * a rerun; 30 modules, mojo timings per module; each build records its saved-time estimate as the extension does.
 * Seeded: the same store every time.
 *
 * <p>Usage: {@code java … ReportScaleBench <store.db>|postgres [builds] [classes]}; {@code bench/report-scale.sh}
 * runs it ({@code postgres}: a fresh embedded PostgreSQL server, generated each run).
 */
public final class ReportScaleBench {
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private ReportScaleBench() {}

    public static void main(String[] args) throws Exception {
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int classes = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        if (args[0].equals("postgres")) {
            // A real PostgreSQL server (embedded binaries), generated afresh each run.
            try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start()) {
                String url = server.getJdbcUrl("postgres", "postgres");
                StoreConfig config = new StoreConfig(url, "postgres", null);
                generate(config, builds, classes);
                measure(config, builds, Path.of("target", "report-scale").toAbsolutePath());
                plans(() -> DriverManager.getConnection(url, "postgres", ""), "EXPLAIN ");
            }
            return;
        }
        Path db = Path.of(args[0]).toAbsolutePath();
        StoreConfig config = new StoreConfig("jdbc:sqlite:" + db, null, null);
        if (!Files.exists(db)) {
            generate(config, builds, classes);
        }
        measure(config, builds, db.getParent());
        plans(() -> DriverManager.getConnection("jdbc:sqlite:" + db), "EXPLAIN QUERY PLAN ");
    }

    private static void generate(StoreConfig config, int builds, int classes) throws Exception {
        long start = System.nanoTime();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            Random random = new Random(42);
            for (int b = 0; b < builds; b++) {
                store.write(build(b, classes, T0, random));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "generated %d builds x %d classes in %.1f s into %s%n",
                builds,
                classes,
                (System.nanoTime() - start) / 1e9,
                config.redactedUrl());
    }

    private static void measure(StoreConfig config, int builds, Path outDir) throws Exception {
        Instant t0 = T0;
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            String html;
            int watched;
            try (TelemetryStore store = TelemetryStores.open(config)) {
                InsightFacts facts = store.insightFacts(InsightWindow.of(t0, builds, List.of("main")));
                watched = facts.watched().size();
                ReportInputs inputs = new ReportInputs(
                        config.redactedUrl(),
                        Instant.now(),
                        t0,
                        List.of("main"),
                        facts,
                        store.slowestClasses(20, Math.min(builds, 200)),
                        null,
                        List.of());
                html = HtmlReport.render(
                        inputs, ReportData.Analyses.read(store, facts, CommitAncestry.SAME_COMMIT_ONLY));
            }
            double reportS = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            try (TelemetryStore store = TelemetryStores.open(config)) {
                store.recentBuilds(10);
                store.slowestClasses(10, 50);
                store.mostFailing(10, 50);
                store.flakiest(10, 50);
                InsightFacts facts = store.insightFacts(InsightWindow.of(Instant.EPOCH, 50, List.of("main")));
                ReportData.Analyses.read(store, facts, CommitAncestry.SAME_COMMIT_ONLY);
            }
            double statsS = (System.nanoTime() - start) / 1e9;
            Files.createDirectories(outDir);
            Path out = outDir.resolve("report.html");
            Files.writeString(out, html, StandardCharsets.UTF_8);
            System.out.printf(
                    Locale.ROOT,
                    "run %d: ard:report %.2f s (%d watched classes, file %.2f MB at %s); ard:stats %.2f s%n",
                    run,
                    reportS,
                    watched,
                    html.getBytes(StandardCharsets.UTF_8).length / 1e6,
                    out,
                    statsS);
        }
    }

    private interface Connect {
        Connection open() throws Exception;
    }

    private static void plans(Connect connect, String explain) throws Exception {
        String window = "SELECT sb.id FROM build sb WHERE sb.started_at >= 0 ORDER BY sb.started_at DESC, sb.id DESC"
                + " LIMIT 2000";
        List<String> queries = List.of(
                "SELECT t.build_id, t.method_name, t.outcome, t.flaky, t.duration_ms FROM test_result t"
                        + " WHERE t.module = 'm' AND t.class_name = 'c' AND t.build_id IN (" + window + ")",
                "SELECT s.build_id, s.reason FROM selection s WHERE s.module = 'm' AND s.class_name = 'c'"
                        + " AND NOT s.selected",
                "SELECT s.module, s.class_name, s.selected, s.reason FROM selection s WHERE s.build_id = 'b'",
                "SELECT m.build_id FROM mojo_timing m WHERE m.build_id IN ('a', 'b')");
        try (Connection c = connect.open();
                Statement s = c.createStatement()) {
            for (String q : queries) {
                System.out.println("plan: " + q.substring(0, Math.min(90, q.length())) + " …");
                try (ResultSet rs = s.executeQuery(explain + q)) {
                    int detail = rs.getMetaData().getColumnCount(); // SQLite: 4th column; PostgreSQL: the only one
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(detail));
                    }
                }
            }
        }
    }

    private static BuildTelemetry build(int b, int classes, Instant t0, Random random) {
        boolean main = b % 2 == 0;
        Instant start = t0.plus(Duration.ofMinutes(60L * b));
        String id = String.format(Locale.ROOT, "bench-%05d", b);
        List<TestResult> tests = new ArrayList<>(classes);
        List<SelectionEntry> selections = new ArrayList<>(main ? 0 : classes);
        boolean failed = false;
        long saved = 0;
        long[] moduleTime = new long[30];
        for (int k = 0; k < classes; k++) {
            String module = "org.bench:module-" + (k % 30);
            String cls = "org.bench.m" + (k % 30) + ".Class" + k + "Test";
            boolean run = main || random.nextDouble() < 0.10;
            if (!main) {
                selections.add(new SelectionEntry(
                        module,
                        "surefire",
                        "default-test",
                        cls,
                        run,
                        run ? "depends on org.bench.Changed" + (k % 7) : "no changed class reaches it"));
            }
            Outcome outcome = Outcome.SKIPPED_BY_SELECTION;
            boolean flaky = false;
            long ms = 0;
            if (run) {
                double p = random.nextDouble();
                outcome = p < 0.003 ? Outcome.FAILED : Outcome.PASSED;
                flaky = p >= 0.003 && p < 0.005;
                ms = (long) (50 * Math.exp(random.nextGaussian()) + (k % 100));
                moduleTime[k % 30] += ms;
            }
            failed |= outcome == Outcome.FAILED;
            if (!run) {
                saved += (long) (50 * Math.exp(0.5)) + (k % 100); // the mean of the durations drawn below
            }
            tests.add(new TestResult(
                    module,
                    "surefire",
                    "default-test",
                    cls,
                    run ? "test" : "",
                    ms,
                    outcome,
                    flaky ? 1 : 0,
                    flaky,
                    outcome == Outcome.FAILED ? "java.lang.AssertionError" : null,
                    outcome == Outcome.FAILED ? "fp" + k : null));
        }
        List<MojoTiming> mojos = new ArrayList<>();
        long clock = start.toEpochMilli();
        for (int m = 0; m < 30; m++) {
            mojos.add(new MojoTiming(
                    "org.bench:module-" + m,
                    "maven-compiler-plugin",
                    "compile",
                    "default-compile",
                    Instant.ofEpochMilli(clock),
                    1_500,
                    true));
            clock += 1_500;
            mojos.add(new MojoTiming(
                    "org.bench:module-" + m,
                    "maven-surefire-plugin",
                    "test",
                    "default-test",
                    Instant.ofEpochMilli(clock),
                    moduleTime[m] + 800,
                    true));
            clock += moduleTime[m] + 800;
        }
        BuildRecord record = new BuildRecord(
                id,
                start,
                Instant.ofEpochMilli(clock),
                List.of("verify"),
                new Checkout(
                        "/work/bench", String.format(Locale.ROOT, "%040x", b), main ? "main" : "feature/f" + b, false),
                CiRun.LOCAL,
                new ToolVersions("3.9.11", "17", "Linux"),
                main ? RecordedMode.ALL : RecordedMode.SAFE,
                failed ? BuildResult.FAILURE : BuildResult.SUCCESS);
        // What the extension records with the build: each skipped class at its expected mean duration.
        return new BuildTelemetry(record, List.of(), List.of(), tests, mojos, selections, List.of(), saved);
    }
}
