package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Impact facts in real builds of the two-module selection sample: a full-branch build, where every test runs, records
 * what the analysis says of each class as a selective build does; training and {@code ard:evaluate} read them back.
 */
class ImpactFactsIT {

    private static final String LEAF = "core/src/main/java/com/acme/core/Leaf.java";

    /** class → "inSafe hops reaching" of the newest build's facts. */
    private static Map<String, String> facts(Sample sample) throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            String newest = db.newestBuild();
            Map<String, String> facts = new TreeMap<>();
            for (String row : db.strings(
                    "SELECT class_name || ' ' || CASE WHEN in_safe THEN 'safe' ELSE 'out' END || ' ' || hops || ' '"
                            + " || reaching FROM impact_fact WHERE build_id = ?",
                    newest)) {
                facts.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
            }
            return facts;
        }
    }

    @Test
    void fullAndSelectiveBuildsRecordWhatTheAnalysisSaysAndEvaluateReplaysSafe() throws Exception {
        Sample sample = Sample.selection("impact-facts").gitInit();
        MavenLog first = sample.maven("verify").run("main-1");
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(facts(sample))
                .as("no history, no base: nothing to analyse against")
                .isEmpty();

        sample.edit(LEAF, "return 1;", "return Math.abs(-1);").commitAll("leaf");
        MavenLog full = sample.maven("verify").run("main-2");

        assertThat(full.exitCode()).as("%s", full).isZero();
        assertThat(full.summary())
                .as("main runs everything, and says nothing of a selection")
                .startsWith("[INFO] ARD: recorded 8 tests ");
        Map<String, String> onMain = facts(sample);
        assertThat(onMain)
                .containsEntry("com.acme.core.LeafTest", "safe 1 1")
                .containsEntry("com.acme.app.ServiceTest", "safe 2 1")
                .containsEntry("com.acme.app.ServiceIT", "safe 2 1")
                .containsEntry("com.acme.core.OtherTest", "out -1 0")
                .hasSize(8);

        sample.branch("feature/f")
                .edit("app/src/main/java/com/acme/app/Standalone.java", "return 3;", "return Math.abs(-3);")
                .commitAll("app only");
        MavenLog selective =
                sample.maven("verify", "-Dard.baseRef=main").run("feature-1"); // a new branch: no green build
        assertThat(selective.exitCode()).as("%s", selective).isZero();
        assertThat(facts(sample))
                .containsEntry("com.acme.app.StandaloneTest", "safe 1 1")
                .containsEntry("com.acme.core.LeafTest", "out -1 0")
                .hasSize(8);

        MavenLog evaluate = sample.maven("ard:evaluate").run("evaluate");
        assertThat(evaluate.exitCode()).as("%s", evaluate).isZero();
        assertThat(evaluate.lines()).noneMatch(l -> l.contains("n/a (no bytecode"));
        JsonNode json = new ObjectMapper()
                .readTree(sample.dir()
                        .resolve(Path.of("target", "ard", "evaluation.json"))
                        .toFile());
        JsonNode safe = null;
        for (JsonNode r : json) {
            if (r.path("strategy").asText().equals("safe")) {
                safe = r;
            }
        }
        assertThat(safe).as("%s", json).isNotNull();
        assertThat(safe.path("applicable").asBoolean()).as("%s", safe).isTrue();
        assertThat(safe.path("testClassesRun").asLong()).as("%s", safe).isPositive();
    }
}
