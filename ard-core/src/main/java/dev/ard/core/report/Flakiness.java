package dev.ard.core.report;

import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightFacts.ClassHistory;
import dev.ard.core.telemetry.InsightFacts.MethodResult;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flaky tests over the window (docs/architecture.md §10). A method's <em>flaky events</em> are its runs that passed only
 * on a rerun within one execution (Surefire's flakyFailure/flakyError) plus the commits on which it both passed and
 * failed across clean builds (same commit, same inputs, different outcomes). Its rate is events / runs, where runs are
 * its PASSED, FAILED and ERROR results; {@code runs} says how much the rate rests on.
 */
public final class Flakiness {
    private Flakiness() {}

    /**
     * One flaky test method.
     *
     * @param rerunFlaky  runs that failed and then passed on a rerun in the same execution
     * @param flipCommits commits with a pass and a failure of this method in different clean builds
     * @param lastFlaky   the start of the newest build with a flaky event
     */
    public record FlakyTest(
            String module,
            String className,
            String method,
            int runs,
            int failures,
            int rerunFlaky,
            int flipCommits,
            Instant lastFlaky) {

        public int events() {
            return rerunFlaky + flipCommits;
        }

        public double rate() {
            return runs == 0 ? 0 : Math.min(1.0, (double) events() / runs);
        }
    }

    /** The flaky methods, highest rate first (ties: more runs, then name). */
    public static List<FlakyTest> of(InsightFacts facts) {
        Map<String, BuildRecord> builds = new HashMap<>();
        for (BuildSummary summary : facts.builds()) {
            builds.put(summary.build().id(), summary.build());
        }
        List<FlakyTest> flaky = new ArrayList<>();
        for (ClassHistory history : facts.watched()) {
            Map<String, List<MethodResult>> byMethod = new TreeMap<>();
            for (MethodResult result : history.results()) {
                byMethod.computeIfAbsent(result.method(), m -> new ArrayList<>())
                        .add(result);
            }
            byMethod.forEach((method, results) -> {
                FlakyTest test = of(history, method, results, builds);
                if (test.events() > 0) {
                    flaky.add(test);
                }
            });
        }
        flaky.sort(Comparator.comparingDouble(FlakyTest::rate)
                .reversed()
                .thenComparing(Comparator.comparingInt(FlakyTest::runs).reversed())
                .thenComparing(FlakyTest::module)
                .thenComparing(FlakyTest::className)
                .thenComparing(FlakyTest::method));
        return flaky;
    }

    private static FlakyTest of(
            ClassHistory history, String method, List<MethodResult> results, Map<String, BuildRecord> builds) {
        int runs = 0;
        int failures = 0;
        int rerun = 0;
        Instant last = null;
        Map<String, int[]> byCommit = new HashMap<>(); // passes, failures, newest start of a flaky event
        Map<String, Instant> commitLast = new HashMap<>();
        for (MethodResult result : results) {
            BuildRecord build = builds.get(result.buildId());
            boolean failed = result.outcome() == Outcome.FAILED || result.outcome() == Outcome.ERROR;
            boolean passed = result.outcome() == Outcome.PASSED;
            if (!failed && !passed) {
                continue;
            }
            runs++;
            if (failed) {
                failures++;
            }
            Instant started = build == null ? null : build.startedAt();
            if (result.flaky()) {
                rerun++;
                last = newer(last, started);
            }
            if (build != null
                    && build.checkout().commit() != null
                    && !build.checkout().dirty()) {
                int[] counts = byCommit.computeIfAbsent(build.checkout().commit(), c -> new int[2]);
                // A pass on a rerun is a flaky event already; it does not also count as this commit's pass.
                counts[failed ? 1 : 0] += result.flaky() ? 0 : 1;
                commitLast.merge(build.checkout().commit(), started, Flakiness::newer);
            }
        }
        int flips = 0;
        for (Map.Entry<String, int[]> entry : byCommit.entrySet()) {
            if (entry.getValue()[0] > 0 && entry.getValue()[1] > 0) {
                flips++;
                last = newer(last, commitLast.get(entry.getKey()));
            }
        }
        return new FlakyTest(history.module(), history.className(), method, runs, failures, rerun, flips, last);
    }

    private static Instant newer(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
