package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Line-level what-if ({@code path:from-to} in {@code ard.changeSets}) on a real Maven build: a body change that only
 * one test reaches selects that test; a change in a body others reach selects them across modules, with the method
 * path; a change to an override of {@code Object.toString} and a change of a signature line stay class-level.
 */
class LineLevelSelectIT {
    private static final String LEAF = """
            package com.acme.core;

            public class Leaf {
                public int value() {
                    return 1;
                }

                public int spare() {
                    return 7;
                }

                @Override
                public String toString() {
                    return "Leaf";
                }
            }
            """;

    @Test
    void linesMapToMethodsAndOnlyTheirCallersRun() throws Exception {
        Sample sample = Sample.selection("select-lines");
        sample.write("core/src/main/java/com/acme/core/Leaf.java", LEAF);
        sample.write("core/src/test/java/com/acme/core/SpareTest.java", """
                package com.acme.core;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import org.junit.jupiter.api.Test;

                class SpareTest {
                    @Test
                    void spare() {
                        assertEquals(7, new Leaf().spare());
                    }
                }
                """);
        Path sets = sample.dir().resolve("change-sets.txt");
        String leaf = "core/src/main/java/com/acme/core/Leaf.java";
        Files.writeString(
                sets,
                String.join("\n", leaf + ":9", leaf + ":5", leaf + ":14", leaf + ":4") + "\n",
                StandardCharsets.UTF_8);
        MavenLog log = sample.maven("test-compile", "ard:select", "-Dard.changeSets=" + sets)
                .run("select");
        assertThat(log.exitCode()).as("%s", log).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(sample.dir().resolve("target/ard/selections.jsonl"))) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("changes").get(0).asText()).isEqualTo(leaf + ":9");
        assertThat(selected(lines.get(0))).containsExactly("com.acme.core.SpareTest");
        assertThat(selected(lines.get(1)))
                .containsExactlyInAnyOrder(
                        "com.acme.core.LeafTest", "com.acme.app.ServiceTest", "com.acme.app.ServiceIT");
        assertThat(lines.get(1).get("reasons").get("com.acme.app.ServiceTest").asText())
                .contains("com.acme.app.Service.twice → com.acme.core.Leaf.value");
        List<String> everyUser = List.of(
                "com.acme.core.LeafTest",
                "com.acme.core.SpareTest",
                "com.acme.app.ServiceTest",
                "com.acme.app.ServiceIT");
        assertThat(selected(lines.get(2)))
                .as("toString overrides Object's")
                .containsExactlyInAnyOrderElementsOf(everyUser);
        assertThat(selected(lines.get(3))).as("a signature line").containsExactlyInAnyOrderElementsOf(everyUser);
    }

    private static List<String> selected(JsonNode line) {
        List<String> out = new ArrayList<>();
        line.get("selected").forEach(n -> out.add(n.asText()));
        return out;
    }
}
