package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Member level without a bytecode snapshot (CI without ARD's cache): the changed lines of each modified source come
 * from JGit's diff against the base, and a change confined to one method body runs the tests that may call it; a
 * changed signature line runs every test that reaches the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceLinesIT {

    private static final String LEAF = "core/src/main/java/com/acme/core/Leaf.java";

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.selection("source-lines")
                .write(LEAF, """
                        package com.acme.core;

                        public class Leaf {
                            public int value() {
                                return 1;
                            }

                            public int spare() {
                                return 7;
                            }
                        }
                        """)
                .write("core/src/test/java/com/acme/core/SpareTest.java", """
                        package com.acme.core;

                        import static org.junit.jupiter.api.Assertions.assertTrue;

                        import org.junit.jupiter.api.Test;

                        class SpareTest {
                            @Test
                            void spare() {
                                assertTrue(new Leaf().spare() > 0);
                            }
                        }
                        """)
                .gitInit()
                .branch("feature/lines");
    }

    /** A build that finds no bytecode snapshot of its base, as on a CI runner without ARD's cache. */
    private static MavenLog buildWithoutSnapshot(String... args) throws Exception {
        Sample.deleteTree(sample.dir().resolve(".ard/cache/bytecode"));
        return sample.verify(args);
    }

    private static Set<String> ran() throws Exception {
        return sample.newestBuildClasses(true);
    }

    @Test
    @Order(1)
    void theFirstBuildRunsEverything() throws Exception {
        MavenLog log = buildWithoutSnapshot();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).hasSize(9);
    }

    @Test
    @Order(2)
    void aBodyEditRunsOnlyTheTestsThatMayCallTheMethod() throws Exception {
        sample.edit(LEAF, "return 7;", "return 8;").commitAll("spare");
        MavenLog log = buildWithoutSnapshot("-Dard.explain");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).as("%s", log).containsExactly("com.acme.core.SpareTest");
        assertThat(log.lines())
                .anyMatch(l -> l.contains("com.acme.core.SpareTest")
                        && l.contains("com.acme.core.SpareTest.spare → com.acme.core.Leaf.spare"));
        assertThat(log.summary()).contains("changes: source files");
    }

    @Test
    @Order(3)
    void aChangedSignatureLineRunsEveryTestThatReachesTheClass() throws Exception {
        sample.edit(LEAF, "public int spare() {", "public long spare() {").commitAll("wider");
        MavenLog log = buildWithoutSnapshot();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran())
                .as("%s", log)
                .contains(
                        "com.acme.core.SpareTest",
                        "com.acme.core.LeafTest",
                        "com.acme.app.ServiceTest",
                        "com.acme.app.ServiceIT");
    }
}
