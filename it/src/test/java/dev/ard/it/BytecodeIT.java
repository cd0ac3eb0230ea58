package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Changes seen in the bytecode, in real Maven builds of the selection sample on a feature branch: a green build of a
 * clean commit keeps a bytecode snapshot, and the next build compares its classes with it. A comment-only edit then
 * runs no test, and a changed constant runs the test of the class in the other module that inlined it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BytecodeIT {

    private static final String LEAF = "core/src/main/java/com/acme/core/Leaf.java";
    private static final String LIMITS = "core/src/main/java/com/acme/core/Limits.java";

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.selection("bytecode")
                .write(LIMITS, """
                        package com.acme.core;

                        public final class Limits {
                            public static final int MAX = 3;

                            private Limits() {}
                        }
                        """)
                .write("app/src/main/java/com/acme/app/Quota.java", """
                        package com.acme.app;

                        public class Quota {
                            public int max() {
                                return com.acme.core.Limits.MAX;
                            }
                        }
                        """)
                .write("app/src/test/java/com/acme/app/QuotaTest.java", """
                        package com.acme.app;

                        import static org.junit.jupiter.api.Assertions.assertTrue;

                        import org.junit.jupiter.api.Test;

                        class QuotaTest {
                            @Test
                            void positive() {
                                assertTrue(new Quota().max() > 0);
                            }
                        }
                        """)
                .gitInit()
                .branch("feature/bytecode");
    }

    private static MavenLog build(String... args) throws Exception {
        return sample.verify(args);
    }

    private static Set<String> ran() throws Exception {
        return sample.newestBuildClasses(true);
    }

    @Test
    @Order(1)
    void aGreenBuildOfACleanCommitKeepsASnapshot() throws Exception {
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).hasSize(9);
        assertThat(sample.dir().resolve(".ard/cache/bytecode")).isNotEmptyDirectory();
    }

    @Test
    @Order(2)
    void aCommentOnlyEditRunsNoTest() throws Exception {
        sample.edit(LEAF, "public int value() {", "/**\n     * One, always.\n     */\n    public int value() { // one")
                .commitAll("javadoc");
        MavenLog log = build();

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).as("%s", log).isEmpty();
        assertThat(log.summary())
                .matches(
                        "\\[INFO] ARD: ran 0/9 test classes in 2 modules \\(safe, 1 changed file since ([0-9a-f]{10}), "
                                + "changes: bytecode vs \\1\\), skipped 9 .*");
    }

    @Test
    @Order(3)
    void aChangedConstantRunsTheTestOfTheClassThatInlinedIt() throws Exception {
        sample.edit(LIMITS, "MAX = 3;", "MAX = 4;").commitAll("max");
        MavenLog log = build("-Dard.explain");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(ran()).as("%s", log).containsExactly("com.acme.app.QuotaTest");
        // Quota's source did not change: its recompiled bytecode (the inlined 4) did
        assertThat(log.lines())
                .anyMatch(l -> l.startsWith("[INFO] ARD: dev.ard.sample:app runs  com.acme.app.QuotaTest \u2190 calls "
                                + "com.acme.app.Quota.")
                        && l.contains(
                                "(changed: app/target/classes/com/acme/app/Quota.class): com.acme.app.QuotaTest."));
        assertThat(log.summary()).contains(", changes: bytecode vs ");
    }
}
