package dev.ard.core.telemetry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback reader: parses Surefire/Failsafe {@code TEST-*.xml} files with DTDs and external
 * entities disabled, into the same attempts the reporter would have written.
 *
 * <p>Per {@code <testcase>} (Surefire 3.x with {@code rerunFailingTestsCount}):
 * <ul>
 *   <li>no child problem → one SUCCESS attempt;</li>
 *   <li>{@code <flakyFailure>}/{@code <flakyError>} children → one FAILURE/ERROR attempt per child, in
 *       order, then the SUCCESS attempt;</li>
 *   <li>{@code <failure>}/{@code <error>}/{@code <skipped>} → that attempt, then one per
 *       {@code <rerunFailure>}/{@code <rerunError>} child (and per "skipped in re-run phase" comment).</li>
 * </ul>
 * The {@code time} attribute goes to the attempt Surefire took it from (the first run, or the
 * successful run of a flaky test); the report keeps no time for the other runs, so their
 * {@code durationMs} is 0. {@link TestResults#aggregate} only uses the times the XML keeps.
 * {@code failureType} is the {@code type} attribute, the stack trace the element's text (or its
 * {@code <stackTrace>} child's); messages are not read.
 */
public final class JUnitXmlReports {
    private JUnitXmlReports() {}

    /**
     * Attempts from every {@code TEST-*.xml} directly in {@code reportsDir} modified at or after
     * {@code since}; reports from earlier builds left in the directory are ignored. A report that
     * cannot be read is named in {@link XmlReadResult#problems()} and the others are still read.
     * A missing directory gives an empty result.
     *
     * @param since the start of the test run, or {@code null} for every report. Compared at whole
     *              seconds, as some file systems keep modification times only that precisely.
     * @throws IOException only when the directory exists but cannot be listed
     */
    public static XmlReadResult read(Path reportsDir, Instant since) throws IOException {
        if (!Files.isDirectory(reportsDir)) {
            return new XmlReadResult(List.of(), List.of());
        }
        Instant cutoff = since == null ? Instant.MIN : since.truncatedTo(ChronoUnit.SECONDS);
        List<Path> reports = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(reportsDir, "TEST-*.xml")) {
            for (Path file : files) {
                reports.add(file);
            }
        }
        reports.sort(null);

        JUnitXmlParser parser = new JUnitXmlParser();
        List<TestAttempt> attempts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : reports) {
            String name = String.valueOf(file.getFileName());
            try {
                if (!Files.isRegularFile(file)
                        || Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    continue;
                }
                attempts.addAll(parser.parse(file));
            } catch (IOException e) {
                problems.add(name + ": " + reason(e));
            }
        }
        return new XmlReadResult(attempts, problems);
    }

    /** Attempts from one report file; a malformed or hostile file fails with a one-line cause. */
    public static List<TestAttempt> readFile(Path reportFile) throws IOException {
        try {
            return new JUnitXmlParser().parse(reportFile);
        } catch (IOException e) {
            throw new IOException(reportFile + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        // NoSuchFileException and friends carry only the path; name the kind of failure instead.
        if (message == null || e.getClass() != IOException.class) {
            message = e.getClass().getSimpleName() + (message == null ? "" : " " + message);
        }
        return message.replaceAll("\\s+", " ").strip();
    }
}
