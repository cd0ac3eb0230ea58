package dev.ard.maven.extension;

import dev.ard.core.report.JobSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Puts the build's {@link JobSummary} where CI shows it: always {@code target/ard/summary.md} under the build's root
 * (any CI can publish it), appended to the file {@code $GITHUB_STEP_SUMMARY} names (the job page on GitHub Actions),
 * and on GitHub Actions one {@code ::warning} line per flaky test on standard output, where the runner reads workflow
 * commands (Maven's logger would prefix them, so they do not go through it). Nothing is sent anywhere.
 */
final class JobSummaryWriter {
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private JobSummaryWriter() {}

    /** @return the summary file under the root */
    static Path write(Path rootDir, String markdown, List<String> annotations, Map<String, String> env, PrintStream out)
            throws IOException {
        Path file = rootDir.resolve("target").resolve("ard").resolve("summary.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        String step = env.get(STEP_SUMMARY);
        if (step != null && !step.isBlank()) {
            Files.writeString(
                    Path.of(step),
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            annotations.forEach(out::println);
            out.flush();
        }
        return file;
    }
}
