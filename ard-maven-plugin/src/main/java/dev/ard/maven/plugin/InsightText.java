package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.report.DurationRegressions.Regression;
import dev.ard.core.report.ReportData;
import dev.ard.core.report.SelectionMisses.Miss;
import dev.ard.core.report.SelectionMisses.Recall;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The insight part of {@code ard:stats}: selection's recall and misses, and duration regressions. */
final class InsightText {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String RECALL_ROW = "  %-10s  %6s  %6s  %7s  %13s";
    private static final String REGRESSION_ROW = "  %6s  %9s  %9s  %-10s  %-16s  %s";

    private InsightText() {}

    static void appendText(List<String> out, ReportData.Analyses analyses, int window, ZoneId zone) {
        out.add("");
        out.add("Selection recall: failing classes caught, and skipped ones that failed in a later build");
        out.add("containing the change (last " + window + " builds)");
        out.add(String.format(Locale.ROOT, RECALL_ROW, "Mode", "Caught", "Missed", "Recall", "Builds caught"));
        for (Recall r : analyses.misses().recall()) {
            out.add(String.format(
                    Locale.ROOT,
                    RECALL_ROW,
                    r.mode().stored(),
                    r.caughtClasses(),
                    r.missedClasses(),
                    percent(r.classRecall()),
                    r.failingBuilds() == 0 ? "-" : r.caughtBuilds() + "/" + r.failingBuilds()));
        }
        for (Miss m : analyses.misses().misses()) {
            String head = "  miss: skipped "
                    + STARTED.format(m.skippedIn().startedAt().atZone(zone)) + ", failed "
                    + STARTED.format(m.failedIn().startedAt().atZone(zone)) + "  ";
            out.add(head + StatsReport.cutLeft(m.className(), StatsReport.WIDTH - head.length()));
        }
        out.add("");
        out.add("Duration regressions (green builds of the full branches)");
        if (analyses.regressions().isEmpty()) {
            out.add("  (none)");
            return;
        }
        out.add(String.format(Locale.ROOT, REGRESSION_ROW, "Slower", "Baseline", "Now", "Since", "Module", "Class"));
        for (Regression r : analyses.regressions()) {
            String head = String.format(
                    Locale.ROOT,
                    REGRESSION_ROW,
                    String.format(Locale.ROOT, "x%.2f", r.ratio()),
                    StatsReport.duration(r.baselineMs()),
                    StatsReport.duration(r.currentMs()),
                    StatsReport.cut(r.startedIn(), 10),
                    StatsReport.cut(r.module(), 16),
                    "");
            out.add(head + StatsReport.cutLeft(r.className(), StatsReport.WIDTH - head.length()));
        }
    }

    static void appendJson(ObjectNode root, ReportData.Analyses analyses) {
        ReportData.recall(root.putArray("recall"), analyses.misses());
        ArrayNode misses = root.putArray("misses");
        for (Miss m : analyses.misses().misses()) {
            misses.addObject()
                    .put("skippedIn", m.skippedIn().id())
                    .put("failedIn", m.failedIn().id())
                    .put("module", m.module())
                    .put("className", m.className())
                    .put("reason", m.reason());
        }
        ArrayNode regressions = root.putArray("durationRegressions");
        for (Regression r : analyses.regressions()) {
            regressions
                    .addObject()
                    .put("module", r.module())
                    .put("className", r.className())
                    .put("baselineMs", r.baselineMs())
                    .put("currentMs", r.currentMs())
                    .put("startedIn", r.startedIn())
                    .put("slowRuns", r.slowRuns());
        }
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
