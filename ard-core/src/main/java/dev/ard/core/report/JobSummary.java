package dev.ard.core.report;

import dev.ard.core.report.DurationRegressions.Regression;
import dev.ard.core.report.SelectionMisses.Miss;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A build's short Markdown summary for a CI job page ({@code $GITHUB_STEP_SUMMARY} on GitHub Actions, else
 * {@code target/ard/summary.md}): what selection ran and skipped, the test counts, the failed tests and the tests that
 * passed only on a rerun; and, for GitHub, one {@code ::warning} workflow command per flaky test. Built from the
 * build's own telemetry only: nothing is sent anywhere.
 *
 * <p>Test and module names come from the project under build; every one is escaped for a Markdown table cell (pipes,
 * backslashes, backticks, HTML) and for a workflow command (percent, line breaks, and in properties colon and comma).
 */
public final class JobSummary {

    /** At most this many failed or flaky tests are listed; the rest are counted. */
    public static final int LISTED = 20;

    private JobSummary() {}

    /**
     * @param title     what ran, e.g. {@code verify} (the goals)
     * @param failed    whether the build failed
     * @param selection the selection line ({@code ran 12/340 test classes … saved}), or {@code null}
     * @param tests     the build's test results, skipped-by-selection rows included (they are not counted as tests)
     */
    public static String markdown(String title, boolean failed, String selection, List<TestResult> tests) {
        return markdown(title, failed, selection, tests, BuildInsight.NONE);
    }

    /** The same, with the misses this build confirmed and the duration regressions it started. */
    public static String markdown(
            String title, boolean failed, String selection, List<TestResult> tests, BuildInsight insight) {
        List<TestResult> ran = tests.stream()
                .filter(t -> t.outcome() != Outcome.SKIPPED_BY_SELECTION)
                .toList();
        List<TestResult> failures = sorted(ran.stream()
                .filter(t -> (t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERROR) && !t.quarantinedFailure())
                .toList());
        List<TestResult> quarantined =
                sorted(ran.stream().filter(TestResult::quarantinedFailure).toList());
        List<TestResult> flaky = sorted(ran.stream().filter(TestResult::flaky).toList());
        StringBuilder md = new StringBuilder();
        md.append("### ARD \u2014 ")
                .append(cell(title))
                .append(" \u00b7 ")
                .append(failed ? "FAILURE" : "SUCCESS")
                .append("\n\n| | |\n|---|---|\n");
        if (selection != null && !selection.isBlank()) {
            md.append("| Selection | ").append(cell(selection)).append(" |\n");
        }
        md.append("| Tests | ").append(counts(ran)).append(" |\n");
        md.append("| Modules | ")
                .append(ran.stream().map(TestResult::module).distinct().count())
                .append(" |\n");
        list(
                md,
                "Failed",
                failures,
                t -> t.outcome().name()
                        + (t.failureType() == null ? "" : " (" + cell(simpleName(t.failureType())) + ")"));
        list(
                md,
                "Quarantined \u2014 failed, did not fail the build",
                quarantined,
                t -> t.outcome().name()
                        + (t.failureType() == null ? "" : " (" + cell(simpleName(t.failureType())) + ")"));
        list(
                md,
                "Flaky \u2014 passed on a rerun",
                flaky,
                t -> "after " + t.reruns() + (t.reruns() == 1 ? " rerun" : " reruns"));
        insight(md, insight);
        return md.toString();
    }

    private static void insight(StringBuilder md, BuildInsight insight) {
        if (!insight.misses().isEmpty()) {
            md.append("\n**Selection misses confirmed by this build** (")
                    .append(insight.misses().size())
                    .append(")\n\n| module | test class | skipped by |\n|---|---|---|\n");
            for (Miss m : insight.misses()
                    .subList(0, Math.min(LISTED, insight.misses().size()))) {
                md.append("| ")
                        .append(cell(m.module()))
                        .append(" | ")
                        .append(cell(m.className()))
                        .append(" | ")
                        .append(cell(skippedBy(m)))
                        .append(" |\n");
            }
        }
        if (!insight.regressions().isEmpty()) {
            md.append("\n**Duration regressions starting with this build** (")
                    .append(insight.regressions().size())
                    .append(")\n\n| module | test class | median before | now |\n|---|---|---|---|\n");
            for (Regression r : insight.regressions()
                    .subList(0, Math.min(LISTED, insight.regressions().size()))) {
                md.append("| ")
                        .append(cell(r.module()))
                        .append(" | ")
                        .append(cell(r.className()))
                        .append(" | ")
                        .append(r.baselineMs())
                        .append(" ms | ")
                        .append(r.currentMs())
                        .append(" ms |\n");
            }
        }
    }

    private static String skippedBy(Miss m) {
        var b = m.skippedIn();
        String commit = b.checkout().commit();
        return (b.mode() == null ? "" : b.mode().stored() + " selection, ") + "build of "
                + (commit == null ? "?" : commit.substring(0, Math.min(10, commit.length())))
                + (b.checkout().branch() == null ? "" : " on " + b.checkout().branch())
                + (m.reason() == null ? "" : ": " + m.reason());
    }

    /**
     * The {@link #annotations(List) flaky-test annotations}, plus one {@code ::warning} per miss this build confirmed
     * and per regression it started (each list cut at {@link #LISTED}).
     */
    public static List<String> annotations(List<TestResult> tests, BuildInsight insight) {
        List<String> lines = new ArrayList<>(annotations(tests));
        for (Miss m :
                insight.misses().subList(0, Math.min(LISTED, insight.misses().size()))) {
            lines.add("::warning title=" + property("ARD: selection miss " + m.className()) + "::"
                    + data(m.module() + " " + m.className() + " failed here; skipped earlier by " + skippedBy(m)));
        }
        for (Regression r : insight.regressions()
                .subList(0, Math.min(LISTED, insight.regressions().size()))) {
            lines.add("::warning title=" + property("ARD: slower test " + r.className()) + "::"
                    + data(r.module() + " " + r.className() + " took " + r.currentMs() + " ms, median before "
                            + r.baselineMs() + " ms"));
        }
        return lines;
    }

    /** One GitHub Actions {@code ::warning} per flaky test (at most {@link #LISTED}); empty when there is none. */
    public static List<String> annotations(List<TestResult> tests) {
        List<String> lines = new ArrayList<>();
        for (TestResult t : sorted(tests.stream().filter(TestResult::flaky).toList())) {
            if (lines.size() == LISTED) {
                break;
            }
            lines.add("::warning title=" + property("ARD: flaky test " + t.className()) + "::"
                    + data(t.module() + " " + name(t) + " failed, then passed on rerun " + t.reruns()));
        }
        return lines;
    }

    private interface Detail {
        String of(TestResult t);
    }

    private static void list(StringBuilder md, String heading, List<TestResult> tests, Detail detail) {
        if (tests.isEmpty()) {
            return;
        }
        md.append("\n**").append(heading).append("** (").append(tests.size()).append(")\n\n");
        md.append("| module | test | |\n|---|---|---|\n");
        for (TestResult t : tests.subList(0, Math.min(LISTED, tests.size()))) {
            md.append("| ")
                    .append(cell(t.module()))
                    .append(" | ")
                    .append(cell(name(t)))
                    .append(" | ")
                    .append(detail.of(t))
                    .append(" |\n");
        }
        if (tests.size() > LISTED) {
            md.append("\n\u2026 and ").append(tests.size() - LISTED).append(" more\n");
        }
    }

    private static List<TestResult> sorted(List<TestResult> tests) {
        return tests.stream()
                .sorted(Comparator.comparing(TestResult::module)
                        .thenComparing(TestResult::className)
                        .thenComparing(t -> t.methodName() == null ? "" : t.methodName()))
                .toList();
    }

    private static String counts(List<TestResult> ran) {
        if (ran.isEmpty()) {
            return "none ran";
        }
        long passed = ran.stream().filter(t -> t.outcome() == Outcome.PASSED).count();
        long failed = ran.stream().filter(t -> t.outcome() == Outcome.FAILED).count();
        long errors = ran.stream().filter(t -> t.outcome() == Outcome.ERROR).count();
        long skipped = ran.stream().filter(t -> t.outcome() == Outcome.SKIPPED).count();
        long flaky = ran.stream().filter(TestResult::flaky).count();
        StringBuilder s = new StringBuilder()
                .append(ran.size())
                .append(": ")
                .append(passed)
                .append(" passed");
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (errors > 0) {
            s.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
        }
        if (skipped > 0) {
            s.append(", ").append(skipped).append(" skipped");
        }
        if (flaky > 0) {
            s.append(", ").append(flaky).append(" flaky");
        }
        return s.toString();
    }

    private static String name(TestResult t) {
        return t.methodName() == null || t.methodName().isEmpty()
                ? t.className()
                : t.className() + "." + t.methodName();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Text for a Markdown table cell: one line, no table or code syntax, no HTML. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '\\', '|', '`', '*', '_', '[', ']' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A workflow command's message: {@code %}, CR and LF encoded, as the runner decodes them. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A workflow command's property value: as {@link #data}, plus {@code :} and {@code ,}. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
