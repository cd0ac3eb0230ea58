package dev.ard.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small team history with one of everything the report finds, written through the real store API: full builds of
 * {@code main} (mode all) every other build and safe builds of a feature branch between them, over four weeks.
 *
 * <ul>
 *   <li>a <b>miss</b>: feature build 21 skips {@link #MISSED}; main build 22 (which contains it) fails it;
 *   <li>a <b>caught</b> failure: feature build 31 runs {@link #CAUGHT} and fails it;
 *   <li>a <b>rerun-flaky</b> method {@link #RERUN_FLAKY} (passes on a rerun in builds 10, 20, 30, 40, 50);
 *   <li>a <b>flip</b>: {@link #FLIP} fails in main build 44 and passes in a re-run of the same commit;
 *   <li>a <b>duration regression</b>: {@link #SLOW} takes 1.2 s until build 46, 4.2 s from build 48 on;
 *   <li>hostile names: a class called {@link #HOSTILE}, a branch with quotes and markup, unicode reasons.
 * </ul>
 */
public final class ReportHistory {
    public static final Instant T0 = Instant.parse("2026-10-05T08:00:00Z");
    public static final int BUILDS = 56;
    public static final String MAIN = "main";
    public static final String FEATURE = "feature/\"x\"<y>&z";
    public static final String MISSED = "com.acme.web.CartTest";
    public static final String CAUGHT = "com.acme.core.PriceTest";
    public static final String RERUN_FLAKY = "com.acme.cli.NetTest";
    public static final String FLIP = "com.acme.core.ClockTest";
    public static final String SLOW = "com.acme.web.RenderTest";
    public static final String HOSTILE = "com.acme.web.</script><img src=x onerror=alert(1)>Test";
    public static final String HOSTILE_REASON = "no changed class reaches it \"quoted\" & <b>bold</b> Grüße €";

    private static final String[] MODULES = {"com.acme:core", "com.acme:web", "com.acme:cli"};
    private static final String[][] CLASSES = {
        {CAUGHT, FLIP, "com.acme.core.TaxTest", "com.acme.core.MoneyTest"},
        {MISSED, SLOW, "com.acme.web.RouteTest", HOSTILE},
        {RERUN_FLAKY, "com.acme.cli.ArgsTest", "com.acme.cli.HelpTest", "com.acme.cli.ExitTest"}
    };

    private ReportHistory() {}

    /** The commit of build {@code i}: main builds and feature builds have different commits. */
    public static String commit(int i) {
        return String.format(java.util.Locale.ROOT, "%s%02x", isMain(i) ? "a" : "b", i) + "0".repeat(37);
    }

    /** Main commit j contains every commit of a build before it (features are merged into the next main build). */
    public static boolean contains(String later, String earlier) {
        if (later.equals(earlier)) {
            return true;
        }
        if (!later.startsWith("a")) {
            return false;
        }
        return Integer.parseInt(later.substring(1, 3), 16) > Integer.parseInt(earlier.substring(1, 3), 16);
    }

    public static boolean isMain(int i) {
        return i % 2 == 0;
    }

    public static String id(int i) {
        return String.format(java.util.Locale.ROOT, "build-%02d", i);
    }

    public static Instant start(int i) {
        return T0.plus(Duration.ofHours(12L * i));
    }

    /** Writes the history (and a model) into the store. */
    public static void write(TelemetryStore store) throws StoreException {
        for (int i = 0; i < BUILDS; i++) {
            store.write(build(i, id(i), commit(i), start(i)));
            if (i == 44) { // the same commit built again: the flip passes this time
                store.write(build(i, "build-44-retry", commit(i), start(i).plus(Duration.ofHours(1))));
            }
        }
        store.saveModel(
                start(BUILDS), "{\"trainingBuilds\":40,\"heldOutRecall\":0.96,\"threshold\":0.12}", new byte[] {1, 2, 3
                });
    }

    private static BuildTelemetry build(int i, String id, String commit, Instant start) {
        boolean main = isMain(i);
        boolean retry = id.endsWith("-retry");
        List<TestResult> tests = new ArrayList<>();
        List<SelectionEntry> selections = new ArrayList<>();
        List<MojoTiming> mojos = new ArrayList<>();
        boolean failed = false;
        long clock = start.toEpochMilli() + 5_000;
        for (int m = 0; m < MODULES.length; m++) {
            String module = MODULES[m];
            long moduleTests = 0;
            for (String cls : CLASSES[m]) {
                boolean run = main || !(cls.equals(MISSED) || cls.equals(HOSTILE) || cls.equals(SLOW));
                if (!main) {
                    selections.add(new SelectionEntry(
                            module,
                            "surefire",
                            "default-test",
                            cls,
                            run,
                            run
                                    ? "depends on com.acme.Changed"
                                    : (cls.equals(HOSTILE) ? HOSTILE_REASON : "no changed class reaches it")));
                }
                for (String method : new String[] {"first", "second"}) {
                    Outcome outcome = Outcome.PASSED;
                    boolean flaky = false;
                    long ms = 300 + (i * 7L + method.length()) % 40;
                    if (!run) {
                        outcome = Outcome.SKIPPED_BY_SELECTION;
                        ms = 0;
                    } else if (cls.equals(MISSED) && i == 22 && method.equals("first")) {
                        outcome = Outcome.FAILED;
                    } else if (cls.equals(CAUGHT) && i == 31 && method.equals("first")) {
                        outcome = Outcome.FAILED;
                    } else if (cls.equals(FLIP) && i == 44 && !retry && method.equals("first")) {
                        outcome = Outcome.FAILED;
                    } else if (cls.equals(RERUN_FLAKY) && i % 10 == 0 && i > 0 && method.equals("first")) {
                        flaky = true;
                    } else if (cls.equals(HOSTILE) && i == 50 && method.equals("second")) {
                        flaky = true;
                    } else if (cls.equals(SLOW) && method.equals("first")) {
                        ms = (i >= 48 ? 4_200 : 1_200) + (i % 3) * 20L;
                    }
                    failed |= outcome == Outcome.FAILED;
                    moduleTests += ms;
                    tests.add(Fixtures.result(
                            module,
                            cls,
                            method,
                            ms,
                            outcome,
                            flaky,
                            outcome == Outcome.FAILED ? "fp-" + cls.hashCode() : null));
                }
            }
            mojos.add(new MojoTiming(
                    module,
                    "maven-compiler-plugin",
                    "compile",
                    "default-compile",
                    Instant.ofEpochMilli(clock),
                    2_000 + m * 500L,
                    true));
            clock += 2_000 + m * 500L;
            mojos.add(new MojoTiming(
                    module,
                    "maven-surefire-plugin",
                    "test",
                    "default-test",
                    Instant.ofEpochMilli(clock),
                    moduleTests + 1_500,
                    true));
            clock += moduleTests + 1_500;
        }
        BuildRecord build = new BuildRecord(
                id,
                start,
                Instant.ofEpochMilli(clock + 1_000),
                List.of("verify"),
                new Checkout("/work/acme", commit, main ? MAIN : FEATURE, false),
                CiRun.LOCAL,
                new ToolVersions("3.9.11", "17", "Linux"),
                main ? RecordedMode.ALL : RecordedMode.SAFE,
                failed ? BuildResult.FAILURE : BuildResult.SUCCESS);
        return new BuildTelemetry(
                build,
                List.of(new Change("core/src/main/java/com/acme/Changed.java", "MODIFIED")),
                List.of(),
                tests,
                mojos,
                selections,
                List.of());
    }
}
