package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Safe test selection in real Maven builds of a two-module git repository ({@code app} depends on {@code core}), on a
 * feature branch where {@code auto} means {@code safe}. One sample, one change per build, in order: each build's
 * base is the previous green build. What ran is read from the telemetry store (what Surefire reported), what was
 * skipped from its SKIPPED_BY_SELECTION rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelectionIT {

    private static final String LEAF = "core/src/main/java/com/acme/core/Leaf.java";
    private static final Set<String> EVERY_TEST = Sample.SELECTION_TEST_CLASSES;

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.selection("selection").gitInit().branch("feature/x");
    }

    private static MavenLog build(String... args) throws Exception {
        return sample.verify(args);
    }

    /** Test classes that ran in the newest build (any outcome Surefire reported). */
    private static Set<String> ran() throws Exception {
        return classes(true);
    }

    private static Set<String> skipped() throws Exception {
        return classes(false);
    }

    private static Set<String> classes(boolean ran) throws Exception {
        return sample.newestBuildClasses(ran);
    }

    @Test
    @Order(1)
    void firstBuildHasNoHistoryAndRunsEverything() throws Exception {
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).isEqualTo(EVERY_TEST);
        assertThat(skipped()).isEmpty();
        assertThat(log.summary())
                .startsWith("[INFO] ARD: ran all tests (safe): no test history in the store yet; recorded ");
        assertThat(log.ardWarnings()).as("%s", log).isEmpty();
    }

    @Test
    @Order(2)
    void aLeafChangeRunsItsDependentTestsInBothModules() throws Exception {
        sample.edit(LEAF, "return 1;", "return Math.abs(-1);").commitAll("leaf");
        MavenLog log = build("-Dard.explain");

        assertThat(log.exitCode()).as("%s", log).isZero();
        // ServiceIT is Failsafe's: selected the same way
        assertThat(ran())
                .containsExactly("com.acme.app.ServiceIT", "com.acme.app.ServiceTest", "com.acme.core.LeafTest");
        assertThat(skipped())
                .containsExactlyInAnyOrder(
                        "com.acme.core.OtherTest",
                        "com.acme.core.RegistryTest",
                        "com.acme.core.DynamicTest",
                        "com.acme.core.EnvTest",
                        "com.acme.app.StandaloneTest");
        assertThat(log.summary())
                .matches(
                        "\\[INFO] ARD: ran 3/8 test classes in 2 modules \\(safe, 1 changed file since ([0-9a-f]{10}), "
                                + "changes: bytecode vs \\1\\), "
                                + "skipped 5 \u2014 est\\. \\S+ saved; recorded .*");
        assertThat(log.lines())
                .anyMatch(l -> l.matches("\\[INFO] ARD: dev.ard.sample:app runs +com.acme.app.ServiceTest \u2190 calls "
                        + "com.acme.core.Leaf.value \\(changed: core/src/main/java/com/acme/core/Leaf.java\\): "
                        + "com.acme.app.ServiceTest.twice \u2192 com.acme.app.Service.twice \u2192 "
                        + "com.acme.core.Leaf.value"));
        assertThat(log.lines())
                .anyMatch(l -> l.startsWith("[INFO] ARD: dev.ard.sample:core skips com.acme.core.OtherTest \u2190 "));
        assertThat(sample.dir().resolve("core/target/ard/surefire-default-test-excludes.txt"))
                .exists();
        assertThat(Files.readString(sample.dir().resolve("core/target/ard/selection.json")))
                .contains("\"skipped\"")
                .contains("OtherTest");
    }

    @Test
    @Order(3)
    void aChangedTestRunsItself() throws Exception {
        sample.edit("core/src/test/java/com/acme/core/OtherTest.java", "void named()", "void hasAName()")
                .commitAll("test");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).containsExactly("com.acme.core.OtherTest");
    }

    @Test
    @Order(4)
    void aChangeInTheDownstreamModuleOnlyRunsItsTestsAndWarnsNothing() throws Exception {
        sample.edit("app/src/main/java/com/acme/app/Standalone.java", "return 3;", "return Math.abs(-3);")
                .commitAll("app only");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).containsExactly("com.acme.app.StandaloneTest");
        assertThat(log.ardWarnings()).as("%s", log).isEmpty();
    }

    @Test
    @Order(5)
    void aClassLoadedByAConstantNameIsFollowedButNotOneBuiltAtRunTime() throws Exception {
        sample.edit("core/src/main/java/com/acme/core/Plugin.java", "\"hello\"", "\"hello!\"")
                .commitAll("plugin");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        // RegistryTest → Registry → "com.acme.core.Plugin": caught. DynamicTest builds the name at run time: the
        // documented limit (README "Known limits"); such tests belong in ard.mustRun.
        assertThat(ran()).containsExactly("com.acme.core.RegistryTest");
        assertThat(skipped()).contains("com.acme.core.DynamicTest");
    }

    @Test
    @Order(6)
    void aNewTestRuns() throws Exception {
        sample.write("app/src/test/java/com/acme/app/NewTest.java", """
                package com.acme.app;

                import org.junit.jupiter.api.Test;

                class NewTest {
                    @Test
                    void works() {
                    }
                }
                """);
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).containsExactly("com.acme.app.NewTest");
        sample.commitAll("new test");
    }

    @Test
    @Order(7)
    void theUsersDashDTestWinsAndArdStaysSilent() throws Exception {
        MavenLog log = build("-Dtest=OtherTest", "-Dsurefire.failIfNoSpecifiedTests=false", "-Dard.explain");

        assertThat(log.exitCode()).as("%s", log).isZero();
        // Failsafe ignores -Dtest and runs all its ITs, as without ARD: ARD narrows nothing in such a build
        assertThat(ran()).containsExactly("com.acme.app.ServiceIT", "com.acme.core.OtherTest");
        assertThat(skipped()).isEmpty();
        assertThat(log.summary()).startsWith("[INFO] ARD: recorded ");
        assertThat(log.lines()).noneMatch(l -> l.contains(" skips ") || l.contains(" runs "));
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            assertThat(db.strings("SELECT mode FROM build ORDER BY started_at DESC LIMIT 1"))
                    .containsExactly("user");
        }
    }

    @Test
    @Order(8)
    void aTestThatFailedRunsAgainInTheNextBuild() throws Exception {
        sample.write("fail.txt", "git-ignored: not a change\n");
        MavenLog failing = build("-Dard.mustRun=EnvTest");
        assertThat(failing.exitCode()).as("%s", failing).isNotZero();
        assertThat(ran()).containsExactly("com.acme.core.EnvTest");

        Files.delete(sample.dir().resolve("fail.txt"));
        MavenLog log = build("-Dard.explain");

        assertThat(log.exitCode()).as("%s", log).isZero();
        // app's NewTest may run too: the base is still the last green build, before NewTest was committed
        assertThat(ran())
                .contains("com.acme.core.EnvTest")
                .noneMatch(c -> c.startsWith("com.acme.core.") && !c.endsWith(".EnvTest"));
        assertThat(log.lines())
                .anyMatch(l -> l.matches(
                        "\\[INFO] ARD: dev.ard.sample:core runs +com.acme.core.EnvTest \u2190 last run on this "
                                + "branch failed"));

        build();
        assertThat(ran()).as("passed last time, nothing changed").isEmpty();
    }

    @Test
    @Order(9)
    void aPomChangeRunsTheModuleAndItsDependents() throws Exception {
        sample.edit(
                        "core/pom.xml",
                        "<artifactId>core</artifactId>",
                        "<artifactId>core</artifactId>\n  <description>changed</description>")
                .commitAll("pom");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).containsAll(EVERY_TEST).contains("com.acme.app.NewTest");
        assertThat(skipped()).isEmpty();
    }

    @Test
    @Order(10)
    void aReadmeChangeRunsNothing() throws Exception {
        sample.write("README.md", "# docs only\n").commitAll("docs");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).isEmpty();
        assertThat(log.summary()).contains("ran 0/9 test classes");
    }

    @Test
    @Order(11)
    void anUnreadableClassFileRunsItsModuleWithOneWarning() throws Exception {
        sample.write("core/target/classes/com/acme/core/Junk.class", "not a class file");
        sample.edit(LEAF, "return Math.abs(-1);", "return Math.max(0, 1);").commitAll("leaf again");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran())
                .as("all of core, and what Leaf reaches in app")
                .containsExactly(
                        "com.acme.app.ServiceIT",
                        "com.acme.app.ServiceTest",
                        "com.acme.core.DynamicTest",
                        "com.acme.core.EnvTest",
                        "com.acme.core.LeafTest",
                        "com.acme.core.OtherTest",
                        "com.acme.core.RegistryTest");
        assertThat(log.ardWarnings()).as("%s", log).singleElement().asString().contains("Junk.class");
    }
}
