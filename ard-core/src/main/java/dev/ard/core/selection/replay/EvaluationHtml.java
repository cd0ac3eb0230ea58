package dev.ard.core.selection.replay;

import java.util.Locale;
import java.util.Map;

/** A self-contained HTML page: the table and an inline SVG chart of recall vs. time budget (no scripts). */
final class EvaluationHtml {

    private static final String[] COLORS = {"#555555", "#9e9e9e", "#e69f00", "#56b4e9", "#009e73", "#d55e00"};
    /** Dash patterns, so curves that coincide (LastFail and FailDensity often do) stay visible. */
    private static final String[] DASHES = {"", "2,3", "8,4", "4,6", "1,0", ""};

    private static final int W = 640;
    private static final int H = 400;
    private static final int PAD = 50;

    private EvaluationHtml() {}

    static String render(Evaluation e) {
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ARD test selection evaluation</title>\n")
                .append(
                        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append(
                        "padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>\n")
                .append("<h1>ARD test selection evaluation</h1>\n<p>")
                .append(escape(e.source()))
                .append(": ")
                .append(e.builds())
                .append(" builds, ")
                .append(e.replayedBuilds())
                .append(" replayed, ")
                .append(e.modelBuilds())
                .append(" decided by a model; target recall ")
                .append(e.config().targetRecall())
                .append(", time budget ")
                .append(escape(e.config().budget().toString()))
                .append(".</p>\n");
        if (e.notReadyReason() != null) {
            html.append("<p>No model: ").append(escape(e.notReadyReason())).append("</p>\n");
        }
        html.append(
                "<table><tr><th>strategy</th><th>failing tests</th><th>failing builds</th><th>test classes</th><th>test time</th><th>APFDc</th></tr>\n");
        for (StrategyResult r : e.results()) {
            html.append("<tr><td>").append(r.strategy()).append("</td>");
            if (!r.applicable()) {
                html.append("<td colspan=\"5\">n/a (no bytecode in this history)</td></tr>\n");
                continue;
            }
            cell(html, r.failingTestRecall(), r.failingTestsCaught() + "/" + r.failingTests());
            cell(html, r.failingBuildRecall(), r.failingBuildsCaught() + "/" + r.failingBuilds());
            cell(html, r.testClassFraction(), r.testClassesRun() + "/" + r.testClasses());
            cell(
                    html,
                    r.testTimeFraction(),
                    String.format(Locale.ROOT, "%.0fs/%.0fs", r.testTimeRunMs() / 1000, r.testTimeMs() / 1000));
            html.append("<td>")
                    .append(Double.isNaN(r.apfdc()) ? "n/a" : String.format(Locale.ROOT, "%.3f", r.apfdc()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Failing-test recall vs. time budget</h2>\n")
                .append(chart(e.curveBudgets(), e.curves()))
                .append("\n</body></html>\n");
        return html.toString();
    }

    private static void cell(StringBuilder html, double fraction, String counts) {
        html.append("<td>")
                .append(EvaluationReport.pct(fraction))
                .append(" (")
                .append(counts)
                .append(")</td>");
    }

    static String chart(double[] budgets, Map<String, double[]> curves) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"recall vs time budget\">",
                W + 160,
                H));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>",
                PAD,
                10,
                W - PAD - 10,
                H - PAD - 10));
        for (int t = 0; t <= 10; t += 2) {
            double v = t / 10.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d%%</text>",
                    x(v),
                    H - PAD + 18,
                    t * 10));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d%%</text>",
                    PAD - 5,
                    y(v) + 4,
                    t * 10));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    PAD + 1,
                    W - 11,
                    y(v),
                    y(v)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">share of test time run</text>",
                (W + PAD) / 2,
                H - 12));
        int i = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            String color = COLORS[i % COLORS.length];
            StringBuilder points = new StringBuilder();
            double[] recall = curve.getValue();
            for (int b = 0; b < budgets.length; b++) {
                if (!Double.isNaN(recall[b])) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(budgets[b]), y(recall[b])));
                }
            }
            String dash = DASHES[i % DASHES.length];
            svg.append("<polyline fill=\"none\" stroke-width=\"")
                    .append(i == curves.size() - 1 ? 3 : 2)
                    .append("\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append(" stroke=\"")
                    .append(color)
                    .append("\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
                    W + 5,
                    30 + 18 * i,
                    color,
                    escape(curve.getKey())));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static double x(double budget) {
        return PAD + budget * (W - PAD - 10);
    }

    private static double y(double recall) {
        return 10 + (1 - recall) * (H - PAD - 10);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
