package dev.ard.core.selection.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes an {@link Evaluation} as a console table, {@code evaluation.json} and {@code evaluation.html}. */
public final class EvaluationReport {

    public static final String JSON = "evaluation.json";
    public static final String HTML = "evaluation.html";

    private EvaluationReport() {}

    /** The console table, one line per strategy, counts beside fractions; then the model-decided builds alone. */
    public static List<String> table(Evaluation e) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "History %s: %d builds (%d replayed, %d decided by a model), %d rows; target recall %.2f, budget %s",
                e.source(),
                e.builds(),
                e.replayedBuilds(),
                e.modelBuilds(),
                e.rows(),
                e.config().targetRecall(),
                e.config().budget()));
        if (e.notReadyReason() != null) {
            lines.add("No model: " + e.notReadyReason()
                    + (e.result(Strategy.SAFE).applicable()
                            ? "; predictive selected as safe does until a model was ready, as a live build"
                            : "; predictive ranked without a model, must-run classes always run, the rest cut at the"
                                    + " share of test time that ranking needed in the failing builds so far"
                                    + " (everything before the first)"));
        }
        lines.addAll(rows(e.results()));
        if (e.modelBuilds() > 0 && e.modelBuilds() < e.replayedBuilds()) {
            lines.add("Only the " + e.modelBuilds() + " builds decided by a model:");
            lines.addAll(rows(e.modelPhase()));
        }
        return lines;
    }

    private static List<String> rows(List<StrategyResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%-12s %-20s %-16s %-22s %-16s %s",
                "strategy",
                "failing tests",
                "failing builds",
                "test classes",
                "test time",
                "APFDc"));
        for (StrategyResult r : results) {
            if (!r.applicable()) {
                lines.add(String.format(Locale.ROOT, "%-12s n/a (no bytecode in this history)", r.strategy()));
                continue;
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%-12s %-20s %-16s %-22s %-16s %s",
                    r.strategy(),
                    pct(r.failingTestRecall()) + " (" + r.failingTestsCaught() + "/" + r.failingTests() + ")",
                    pct(r.failingBuildRecall()) + " (" + r.failingBuildsCaught() + "/" + r.failingBuilds() + ")",
                    pct(r.testClassFraction()) + " (" + r.testClassesRun() + "/" + r.testClasses() + ")",
                    pct(r.testTimeFraction()) + " (" + seconds(r.testTimeRunMs()) + "/" + seconds(r.testTimeMs()) + ")",
                    Double.isNaN(r.apfdc()) ? "n/a" : String.format(Locale.ROOT, "%.3f", r.apfdc())));
        }
        return lines;
    }

    /** Writes {@code evaluation.json} and {@code evaluation.html} into {@code dir}; returns the JSON file. */
    public static Path write(Evaluation e, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path json = dir.resolve(JSON);
        Files.writeString(json, mapper.writeValueAsString(json(e, mapper)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), EvaluationHtml.render(e), StandardCharsets.UTF_8);
        return json;
    }

    /** The array of {@code evaluation.json}: one object per strategy, fractions in 0..1, {@code null} for n/a. */
    static ArrayNode json(Evaluation e, ObjectMapper mapper) {
        ArrayNode array = mapper.createArrayNode();
        for (int i = 0; i < e.results().size(); i++) {
            StrategyResult r = e.results().get(i);
            ObjectNode o = array.addObject();
            o.put("strategy", r.strategy());
            o.put("applicable", r.applicable());
            number(o, "failingTestRecall", r.failingTestRecall());
            number(o, "failingBuildRecall", r.failingBuildRecall());
            number(o, "testClassFraction", r.testClassFraction());
            number(o, "testTimeFraction", r.testTimeFraction());
            number(o, "apfdc", r.apfdc());
            o.put("failingTestsCaught", r.failingTestsCaught());
            o.put("failingTests", r.failingTests());
            o.put("failingBuildsCaught", r.failingBuildsCaught());
            o.put("failingBuilds", r.failingBuilds());
            o.put("testClassesRun", r.testClassesRun());
            o.put("testClasses", r.testClasses());
            o.put("testTimeRunMs", Math.round(r.testTimeRunMs()));
            o.put("testTimeMs", Math.round(r.testTimeMs()));
            o.put("source", e.source());
            o.put("builds", e.builds());
            o.put("replayedBuilds", e.replayedBuilds());
            o.put("modelBuilds", e.modelBuilds());
            o.put("targetRecall", e.config().targetRecall());
            o.put("timeBudget", e.config().budget().toString());
            StrategyResult m = e.modelPhase().get(i);
            ObjectNode phase = o.putObject("modelPhase");
            phase.put("builds", e.modelBuilds());
            number(phase, "failingTestRecall", m.failingTestRecall());
            number(phase, "failingBuildRecall", m.failingBuildRecall());
            number(phase, "testClassFraction", m.testClassFraction());
            number(phase, "testTimeFraction", m.testTimeFraction());
            number(phase, "apfdc", m.apfdc());
            phase.put("failingTestsCaught", m.failingTestsCaught());
            phase.put("failingTests", m.failingTests());
            phase.put("failingBuildsCaught", m.failingBuildsCaught());
            phase.put("failingBuilds", m.failingBuilds());
            double[] curve = e.curves().get(r.strategy());
            if (curve != null) {
                ArrayNode points = o.putArray("recallAtTimeBudget");
                for (int b = 0; b < curve.length; b++) {
                    ObjectNode p = points.addObject();
                    p.put("budget", e.curveBudgets()[b]);
                    number(p, "failingTestRecall", curve[b]);
                }
            }
        }
        return array;
    }

    private static void number(ObjectNode o, String name, double value) {
        if (Double.isNaN(value)) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.0fs", ms / 1000);
    }
}
