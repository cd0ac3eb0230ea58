package dev.ard.core.git;

import static dev.ard.core.git.GitFixture.commit;
import static dev.ard.core.git.GitFixture.init;
import static dev.ard.core.git.GitFixture.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changed lines of a modified source, and the edits that send the whole file to class level. */
class ChangedLinesTest {
    private static final String BASE = """
            package p;

            public class Leaf {
                public int value() {
                    int a = 1;
                    int b = 2;
                    return a + b;
                }

                public int spare() {
                    return 7;
                }
            }
            """;

    @TempDir
    Path tmp;

    private static List<String> lines(String base, String now) {
        return ChangedLines.between(base.getBytes(UTF_8), now.getBytes(UTF_8));
    }

    @Test
    void aBodyEditIsItsLinesOfTheNewFile() {
        assertThat(lines(BASE, BASE.replace("return 7;", "return 8;"))).containsExactly("11-11");
        assertThat(lines(BASE, BASE.replace("int b = 2;", "int b = 2;\n        b++;\n        b--;")))
                .containsExactly("7-8");
        assertThat(lines(BASE, BASE)).isEmpty();
    }

    @Test
    void aDeletionIsNamedByTheTwoLinesAroundIt() {
        assertThat(lines(BASE, BASE.replace("        int b = 2;\n", ""))).containsExactly("5-6");
        // at the very end of the file no line follows the cut: the whole file
        assertThat(lines(BASE, BASE.substring(0, BASE.lastIndexOf('}')))).isNull();
    }

    @Test
    void anEditOfAnyLineThatMayDeclareSomethingIsTheWholeFile() {
        // a new method, even one whose every line a line table names
        assertThat(lines(
                        BASE,
                        BASE.replace(
                                "    public int spare() {",
                                "    int more() { return 2; }\n\n    public int spare() {")))
                .isNull();
        // a one-line method whose signature changed on the line that also holds its body
        String oneLiner =
                BASE.replace("    public int spare() {\n        return 7;\n    }", "    int spare() { return 7; }");
        assertThat(lines(oneLiner, oneLiner.replace("int spare() { return 7; }", "long spare() { return 7; }")))
                .isNull();
        // a removed method: only the removed lines say so (the lines around the cut are in bodies)
        String two = BASE.replace(
                "    public int spare() {\n        return 7;\n    }\n",
                "    int a() { return 1; }\n    int b() { return 2; }\n    int c() { return 3; }\n");
        assertThat(lines(two, two.replace("    int b() { return 2; }\n", ""))).isNull();
        // a field with a modifier, an annotation
        assertThat(lines(BASE, BASE.replace("public class Leaf {\n", "public class Leaf {\n    private int n = 1;\n")))
                .isNull();
        assertThat(lines(BASE, BASE.replace("    public int spare() {", "    @Deprecated\n    public int spare() {")))
                .isNull();
    }

    @Test
    void binaryContentIsTheWholeFile() {
        assertThat(ChangedLines.between(new byte[] {1, 0, 2}, new byte[] {1, 0, 3}))
                .isNull();
    }

    @Test
    void theResolverGivesRangesOfModifiedSourcesOnlyAndTheAnalysisEntriesCarryThem() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "src/p/Leaf.java", BASE);
            commit(git, "src/p/Signature.java", BASE);
            commit(git, "README.md", "one\ntwo\n");
            RevCommit base = commit(git, "src/p/Same.java", BASE);
            write(git, "src/p/Leaf.java", BASE.replace("return 7;", "return 8;"));
            write(git, "src/p/Signature.java", BASE.replace("public int spare()", "public long spare()"));
            write(git, "README.md", "one\nthree\n");
            commit(git, "src/p/Same.java", BASE.replace("return 7;", "return 9;"));
            write(git, "src/p/Same.java", BASE); // committed since the base, then edited back
            write(git, "src/p/New.java", BASE);

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.explicit(base.name()));

            assertThat(changes.precise()).as(changes.runAllReason()).isTrue();
            assertThat(changes.changedLines())
                    .containsOnlyKeys("src/p/Leaf.java", "src/p/Same.java")
                    .containsEntry("src/p/Leaf.java", List.of("11-11"))
                    .containsEntry("src/p/Same.java", List.of());
            assertThat(changes.analysisEntries())
                    .containsExactly("README.md", "src/p/Leaf.java:11-11", "src/p/New.java", "src/p/Signature.java");
        }
    }

    @Test
    void pathsDirtyInTheLastGreenBuildCountAsAWhole() throws Exception {
        Path repo = tmp.resolve("green");
        try (Git git = init(repo)) {
            RevCommit base = commit(git, "src/p/Leaf.java", BASE);
            write(git, "src/p/Leaf.java", BASE.replace("return 7;", "return 8;"));

            ChangeSet changes =
                    ChangeSetResolver.resolve(repo, BaseCandidates.lastGreen(base.name(), List.of("src/p/Leaf.java")));

            assertThat(changes.baseSource()).isEqualTo(ChangeSet.LAST_GREEN);
            assertThat(changes.analysisEntries()).containsExactly("src/p/Leaf.java");
        }
    }
}
