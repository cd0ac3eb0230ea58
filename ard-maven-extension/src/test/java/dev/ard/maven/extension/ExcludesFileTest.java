package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcludesFileTest {

    @TempDir
    Path tmp;

    @Test
    void keepsSurefiresNestedClassExcludeWhenTheUserHasNoExcludes() throws Exception {
        List<String> lines = ExcludesFile.lines(null, false, List.of("a.b.SkippedTest"), List.of("a.b.RunTest"));

        assertThat(lines).containsSubsequence("**/*$*", "a/b/SkippedTest.class");
        assertThat(lines).noneMatch(l -> l.contains("RunTest"));
        assertThat(lines.get(0)).startsWith("#");
    }

    @Test
    void userExcludesReplaceTheDefaultAndTheUsersExcludesFileComesFirst() throws Exception {
        Path user = Files.writeString(tmp.resolve("user-excludes.txt"), "**/Slow*\n", StandardCharsets.UTF_8);

        assertThat(ExcludesFile.lines(null, true, List.of("a.SkippedTest"), List.of()))
                .doesNotContain("**/*$*");
        assertThat(ExcludesFile.lines(user, false, List.of("a.SkippedTest"), List.of()))
                .containsSubsequence("**/Slow*", "a/SkippedTest.class")
                .doesNotContain("**/*$*");
    }

    @Test
    void aSkippedClassWhosePatternWouldAlsoHitASelectedOneStaysIn() throws Exception {
        // Surefire reads "x/FooTest.class" as "**/x/FooTest.class", which would also exclude org/x/FooTest.
        List<String> lines =
                ExcludesFile.lines(null, false, List.of("x.FooTest", "y.BarTest"), List.of("org.x.FooTest"));

        assertThat(lines).contains("y/BarTest.class").doesNotContain("x/FooTest.class");
    }

    @Test
    void writtenAtomicallyOverAnOldFile() throws Exception {
        Path file = tmp.resolve("target/ard/surefire-default-test-excludes.txt");
        ExcludesFile.write(file, List.of("old"));
        ExcludesFile.write(file, List.of("# new", "a/B.class"));

        assertThat(Files.readAllLines(file)).containsExactly("# new", "a/B.class");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).hasSize(1);
        }
    }
}
