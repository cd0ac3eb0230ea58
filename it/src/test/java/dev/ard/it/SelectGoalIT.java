package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code mvn ard:select}: the selection for given or current changes, without running a test; the same as a build's. */
class SelectGoalIT {

    private static List<JsonNode> selections(Sample sample) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line :
                Files.readAllLines(sample.dir().resolve("target/ard/selections.jsonl"), StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void oneChangeSetFromTheCommandLine() throws Exception {
        Sample sample = Sample.selection("select-one").gitInit();
        MavenLog log = sample.maven(
                        "test-compile", "ard:select", "-Dard.changed=core/src/main/java/com/acme/core/Leaf.java")
                .run("select");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.testTotals().executions()).as("no test ran").isZero();
        JsonNode line = selections(sample).get(0);
        assertThat(strings(line.get("changes"))).containsExactly("core/src/main/java/com/acme/core/Leaf.java");
        assertThat(strings(line.get("selected")))
                .containsExactlyInAnyOrder(
                        "com.acme.core.LeafTest", "com.acme.app.ServiceTest", "com.acme.app.ServiceIT");
        assertThat(strings(line.get("skipped"))).hasSize(5).contains("com.acme.app.StandaloneTest");
        assertThat(line.get("reasons").get("com.acme.app.ServiceTest").asText())
                .contains("com.acme.core.Leaf")
                .contains("2 hops");
        assertThat(log.lines()).anyMatch(l -> l.startsWith("[INFO] ARD: would run 3/8 test classes"));
    }

    @Test
    void aBatchOfChangeSetsGivesOneLineEach() throws Exception {
        Sample sample = Sample.selection("select-batch");
        Path sets = sample.dir().resolve("change-sets.txt");
        Files.writeString(sets, """
                # one change set per line
                core/src/main/java/com/acme/core/Plugin.java
                app/src/main/java/com/acme/app/Standalone.java, core/src/main/java/com/acme/core/Other.java
                core/pom.xml
                """, StandardCharsets.UTF_8);
        MavenLog log = sample.maven("test-compile", "ard:select", "-Dard.changeSets=" + sets)
                .run("select");

        assertThat(log.exitCode()).as("%s", log).isZero();
        List<JsonNode> lines = selections(sample);
        assertThat(lines).hasSize(3);
        assertThat(strings(lines.get(0).get("selected"))).containsExactly("com.acme.core.RegistryTest");
        assertThat(strings(lines.get(1).get("selected")))
                .containsExactlyInAnyOrder("com.acme.core.OtherTest", "com.acme.app.StandaloneTest");
        assertThat(strings(lines.get(2).get("selected")))
                .as("a pom change runs its module and its dependents")
                .hasSize(8);
    }

    @Test
    void theGoalAnswersWhatABuildOfTheSameChangeRuns() throws Exception {
        Sample sample = Sample.selection("select-vs-build").gitInit().branch("feature/same");
        MavenLog first =
                sample.maven("verify").run("history"); // no history yet: every test runs and is recorded, green
        assertThat(first.exitCode()).as("%s", first).isZero();
        sample.edit("core/src/main/java/com/acme/core/Leaf.java", "return 1;", "return Math.abs(-1);")
                .commitAll("leaf");

        // Both in the default mode (auto: safe without a model), both against the last green build.
        MavenLog select = sample.maven("test-compile", "ard:select").run("select");
        assertThat(select.exitCode()).as("%s", select).isZero();
        JsonNode line = selections(sample).get(0);
        MavenLog build = sample.maven("verify").run("build");
        assertThat(build.exitCode()).as("%s", build).isZero();

        assertThat(strings(line.get("changes"))).containsExactly("core/src/main/java/com/acme/core/Leaf.java");
        assertThat(line.get("mode").asText()).isEqualTo("safe");
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            assertThat(new TreeSet<>(strings(line.get("selected"))))
                    .isEqualTo(db.newestBuildClasses(true))
                    .containsExactly("com.acme.app.ServiceIT", "com.acme.app.ServiceTest", "com.acme.core.LeafTest");
            assertThat(new TreeSet<>(strings(line.get("skipped"))))
                    .isEqualTo(db.newestBuildClasses(false))
                    .hasSize(5);
        }
    }
}
