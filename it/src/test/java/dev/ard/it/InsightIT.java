package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Insight from real builds of the selection sample, as {@code ard:stats} and {@code ard:report} tell it:
 *
 * <ul>
 *   <li>a <b>miss</b>: on a feature branch safe selection skips DynamicTest (it loads Plugin by a computed name, which
 *       no bytecode analysis sees); the change to Plugin breaks it, and the full build after the merge to main fails it;
 *   <li>a <b>flaky</b> test: EnvTest fails on main while a git-ignored marker file exists and passes on the same clean
 *       commit once it is gone (same commit, same inputs, two outcomes);
 *   <li>a <b>duration regression</b>: LeafTest sleeps 1.5 s while a git-ignored {@code slow.txt} exists; six green
 *       main builds make its baseline, the newest green main build is slow.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightIT {
    private static final String DYNAMIC = "core/src/test/java/com/acme/core/DynamicTest.java";
    private static final String LEAF_TEST = "core/src/test/java/com/acme/core/LeafTest.java";
    private static final String PLUGIN = "core/src/main/java/com/acme/core/Plugin.java";

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.selection("insight").gitInit();
        // DynamicTest now also checks what the reflectively loaded Plugin says; LeafTest can be slowed on purpose
        sample.edit(
                        DYNAMIC,
                        "assertNotNull(Class.forName(getClass().getPackageName() + \".\" + simpleName));",
                        "Class<?> plugin = Class.forName(getClass().getPackageName() + \".\" + simpleName);\n"
                                + "        Object greeting = plugin.getMethod(\"greet\").invoke("
                                + "plugin.getConstructor().newInstance());\n"
                                + "        org.junit.jupiter.api.Assertions.assertEquals(\"hello\", greeting);")
                .edit(
                        LEAF_TEST,
                        "assertTrue(new Leaf().value() > 0);",
                        "assertTrue(new Leaf().value() > 0);\n"
                                + "        if (java.nio.file.Files.exists(java.nio.file.Path.of(\"..\", \"slow.txt\"))) {\n"
                                + "            Thread.sleep(1500);\n"
                                + "        }")
                .edit(LEAF_TEST, "void positive() {", "void positive() throws InterruptedException {")
                .write(".gitignore", "target/\n.ard/\nfail.txt\nslow.txt\n")
                .commitAll("insight sample");
    }

    private static MavenLog build(String... args) throws Exception {
        return sample.verify(args);
    }

    @Test
    @Order(1)
    void fullBuildsOnMainAndAFlakyTest() throws Exception {
        for (int i = 0; i < 5; i++) {
            MavenLog log = build();
            assertThat(log.exitCode()).as("%s", log).isZero();
        }
        sample.write("fail.txt", "EnvTest fails while this file exists");
        MavenLog failing = build();
        assertThat(failing.exitCode()).as("%s", failing).isNotZero();
        sample.delete("fail.txt");
        MavenLog again = build();
        assertThat(again.exitCode()).as("%s", again).isZero();
    }

    @Test
    @Order(2)
    void aSkipOnAFeatureBranchFailsAfterTheMerge() throws Exception {
        sample.branch("feature/greeting").edit(PLUGIN, "return \"hello\";", "return \"bye\";");
        sample.commitAll("Plugin says bye");
        // a pull-request build: the base is main, whose green build of the branch point is in the store
        MavenLog selective = build("-Dard.baseRef=main");
        assertThat(selective.exitCode()).as("%s", selective).isZero();
        assertThat(String.join("\n", selective.ardInfo())).contains("(safe");

        sample.checkout("main").merge("feature/greeting");
        // as on a CI runner: the job summary tells the miss this build confirmed
        MavenLog merged = sample.maven("verify").env("CI", "true").run(sample.nextBuild());
        assertThat(merged.exitCode())
                .as("the merge build fails DynamicTest: %s", merged)
                .isNotZero();
        String summary = Files.readString(sample.dir().resolve("target/ard/summary.md"), StandardCharsets.UTF_8);
        assertThat(summary)
                .contains("**Selection misses confirmed by this build** (1)")
                .contains("com.acme.core.DynamicTest")
                .contains("safe selection, build of");

        // main is fixed; the next green main build runs LeafTest slowly
        sample.edit(DYNAMIC, "assertEquals(\"hello\", greeting)", "assertEquals(\"bye\", greeting)")
                .commitAll("DynamicTest expects bye");
        sample.write("slow.txt", "LeafTest sleeps while this file exists");
        MavenLog slow = build();
        assertThat(slow.exitCode()).as("%s", slow).isZero();
    }

    @Test
    @Order(3)
    void statsTellTheMissTheFlakyTestAndTheRegression() throws Exception {
        MavenLog text = sample.maven("ard:stats").run("stats-text");
        assertThat(text.exitCode()).as("%s", text).isZero();
        String log = String.join("\n", text.lines());
        assertThat(log).contains("Selection recall").contains("miss: skipped").contains("com.acme.core.DynamicTest");
        assertThat(log).contains("Duration regressions").contains("com.acme.core.LeafTest");

        Path json = sample.dir().resolve("target/stats.json");
        MavenLog out = sample.maven("ard:stats", "-Dard.format=json", "-Dard.stats.output=" + json)
                .run("stats-json");
        assertThat(out.exitCode()).as("%s", out).isZero();
        JsonNode stats = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(stats.get("misses")).hasSize(1);
        assertThat(stats.get("misses").get(0).get("className").asText()).isEqualTo("com.acme.core.DynamicTest");
        JsonNode safe = stats.get("recall").get(0);
        assertThat(safe.get("mode").asText()).isEqualTo("safe");
        assertThat(safe.get("missedClasses").asInt()).isEqualTo(1);
        assertThat(safe.get("caughtClasses").asInt()).isZero();
        List<String> regressed = new ArrayList<>();
        stats.get("durationRegressions")
                .forEach(r -> regressed.add(r.get("className").asText()));
        assertThat(regressed).containsExactly("com.acme.core.LeafTest");
    }

    @Test
    @Order(4)
    void theReportIsOneFileWithEverySection() throws Exception {
        MavenLog log = sample.maven("ard:report").run("report");
        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(String.join("\n", log.ardInfo())).contains("1 misses").contains("1 duration regressions");
        Path report = sample.dir().resolve("target/ard/report/index.html");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html)
                .contains("com.acme.core.DynamicTest")
                .contains("com.acme.core.EnvTest") // flaky: two outcomes on one commit
                .contains("com.acme.core.LeafTest")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//"); // nothing loaded from a network
        assertThat(Files.size(report)).isLessThan(5L << 20);
    }
}
