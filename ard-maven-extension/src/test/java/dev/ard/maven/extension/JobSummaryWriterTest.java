package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSummaryWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFileAppendsToTheStepSummaryAndAnnotatesOnGitHubOnly() throws Exception {
        Path step = Files.writeString(dir.resolve("step.md"), "earlier step\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file = JobSummaryWriter.write(
                dir,
                "### ARD\n",
                List.of("::warning title=t::m"),
                Map.of("GITHUB_ACTIONS", "true", JobSummaryWriter.STEP_SUMMARY, step.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(file).isEqualTo(dir.resolve("target/ard/summary.md")).hasContent("### ARD");
        assertThat(step).hasContent("earlier step\n### ARD\n\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("::warning title=t::m" + System.lineSeparator());
    }

    @Test
    void elsewhereOnlyTheFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JobSummaryWriter.write(
                dir,
                "### ARD\n",
                List.of("::warning title=t::m"),
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(dir.resolve("target/ard/summary.md")).hasContent("### ARD");
        assertThat(out.size()).isZero();
    }
}
