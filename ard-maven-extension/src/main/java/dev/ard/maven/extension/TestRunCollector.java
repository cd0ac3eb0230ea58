package dev.ard.maven.extension;

import dev.ard.core.telemetry.AttemptsFile;
import dev.ard.core.telemetry.JUnitXmlReports;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.TestAttempt;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.TestResults;
import dev.ard.core.telemetry.XmlReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns a finished test execution into a {@link ModuleRun} and its {@link TestResult}s: from ARD's
 * results file when the reporter ran, else from the {@code TEST-*.xml} reports written during the run.
 */
final class TestRunCollector {

    public static final String SOURCE_REPORTER = "reporter";
    public static final String SOURCE_XML = "xml";
    public static final String SOURCE_NONE = "none";

    /** Reads ARD's results file. */
    @FunctionalInterface
    public interface ResultsFileReader {
        List<TestAttempt> read(Path resultsFile) throws IOException;
    }

    /** Reads the {@code TEST-*.xml} reports in a directory written at or after {@code since}. */
    @FunctionalInterface
    public interface XmlReportsReader {
        XmlReadResult read(Path reportsDir, Instant since) throws IOException;
    }

    /** Folds attempts into results. */
    @FunctionalInterface
    public interface Aggregator {
        List<TestResult> aggregate(String module, String plugin, String executionId, List<TestAttempt> attempts);
    }

    /**
     * What one test execution produced.
     *
     * @param reporterProblem why ARD's reporter output could not be used although the reporter was
     *                        configured (worth one warning), or {@code null}
     */
    public record Collected(ModuleRun run, List<TestResult> results, String reporterProblem) {
        public Collected {
            results = List.copyOf(results);
        }
    }

    private final ResultsFileReader resultsFiles;
    private final XmlReportsReader xmlReports;
    private final Aggregator aggregator;

    public TestRunCollector(ResultsFileReader resultsFiles, XmlReportsReader xmlReports, Aggregator aggregator) {
        this.resultsFiles = resultsFiles;
        this.xmlReports = xmlReports;
        this.aggregator = aggregator;
    }

    /** The collector over ard-core's readers. */
    public static TestRunCollector standard() {
        return new TestRunCollector(AttemptsFile::read, JUnitXmlReports::read, TestResults::aggregate);
    }

    /**
     * Collects one finished execution. A results file the reporter marked as failed, or one that cannot
     * be read, falls back to the XML reports, so a reporter problem costs precision, not the run; an
     * unreadable XML report fails (the caller reports it).
     *
     * @param reportsDir the execution's {@code reportsDirectory}
     * @param durationMs wall time of the mojo
     */
    public Collected collect(PendingTestRun run, Path reportsDir, long durationMs) throws IOException {
        String note = run.fallbackNote();
        String problem = null;
        boolean missing = false;
        if (run.usesReporter()) {
            Path marker = TestGoal.failedMarker(run.resultsFile());
            if (Files.isRegularFile(marker)) {
                problem = "the reporter could not write " + run.resultsFile().getFileName() + " (" + firstLine(marker)
                        + ")";
                note = "ARD reporter failed: " + firstLine(marker);
            } else if (Files.isRegularFile(run.resultsFile())) {
                try {
                    return result(run, SOURCE_REPORTER, null, resultsFiles.read(run.resultsFile()), durationMs, null);
                } catch (IOException | RuntimeException broken) {
                    problem = run.resultsFile().getFileName() + " is unreadable (" + Faults.cause(broken) + ")";
                    note = "ARD results file unreadable (" + Faults.cause(broken) + ")";
                }
            } else {
                // Normal when no test ran (skipTests, no test classes); a problem only if XML reports show tests ran.
                missing = true;
                note = "ARD results file missing";
            }
        }
        List<TestAttempt> attempts = List.of();
        if (reportsDir != null && Files.isDirectory(reportsDir)) {
            // File times can be coarser than the clock (1 s, even 2 s on FAT): truncating keeps reports of a
            // fast run; an older run's reports in the same second are the lesser evil.
            XmlReadResult xml = xmlReports.read(reportsDir, run.startedAt().truncatedTo(ChronoUnit.SECONDS));
            attempts = xml.attempts();
            if (xml.hasProblems()) {
                // Hostile or truncated reports: keep the good files' tests, name the bad ones in the one WARN.
                problem = "unreadable test reports skipped: " + String.join("; ", xml.problems());
            }
        }
        if (attempts.isEmpty()) {
            return result(run, SOURCE_NONE, note == null ? "no test reports" : note, List.of(), durationMs, problem);
        }
        if (missing) {
            problem = "the reporter wrote no " + run.resultsFile().getFileName() + " although tests ran";
        }
        return result(run, SOURCE_XML, note, attempts, durationMs, problem);
    }

    private Collected result(
            PendingTestRun run,
            String source,
            String note,
            List<TestAttempt> attempts,
            long durationMs,
            String problem) {
        String plugin = run.goal().pluginName();
        List<TestResult> results = attempts.isEmpty()
                ? List.of()
                : aggregator.aggregate(run.module(), plugin, run.executionId(), attempts);
        return new Collected(
                new ModuleRun(run.module(), plugin, run.executionId(), source, durationMs, note), results, problem);
    }

    private static String firstLine(Path marker) {
        try {
            String text = Files.readString(marker, StandardCharsets.UTF_8).strip();
            String line = text.lines().findFirst().orElse("");
            return line.isEmpty() ? "no cause recorded" : line;
        } catch (IOException | RuntimeException e) {
            return "no cause recorded";
        }
    }
}
