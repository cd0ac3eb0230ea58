package dev.ard.maven.extension;

import dev.ard.core.telemetry.AttemptsFile;
import dev.ard.core.telemetry.JUnitXmlReports;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.TestAttempt;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.TestResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Turns a finished test execution into a {@link ModuleRun} and its {@link TestResult}s: from ARD's
 * results file when the reporter ran, else from the {@code TEST-*.xml} reports written during the run.
 */
public final class TestRunCollector {

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
        List<TestAttempt> read(Path reportsDir, Instant since) throws IOException;
    }

    /** Folds attempts into results. */
    @FunctionalInterface
    public interface Aggregator {
        List<TestResult> aggregate(String module, String plugin, String executionId, List<TestAttempt> attempts);
    }

    /** What one test execution produced. */
    public record Collected(ModuleRun run, List<TestResult> results) {
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
     * Collects one finished execution. A broken results file falls back to the XML reports, so one bad
     * file costs precision, not the run; an unreadable XML directory fails (the caller reports it).
     *
     * @param reportsDir the execution's {@code reportsDirectory}
     * @param durationMs wall time of the mojo
     */
    public Collected collect(PendingTestRun run, Path reportsDir, long durationMs) throws IOException {
        String note = run.fallbackNote();
        if (run.usesReporter()) {
            if (Files.isRegularFile(run.resultsFile())) {
                try {
                    return result(run, SOURCE_REPORTER, null, resultsFiles.read(run.resultsFile()), durationMs);
                } catch (IOException | RuntimeException broken) {
                    note = "ARD results file unreadable (" + Faults.cause(broken) + ")";
                }
            } else {
                note = "ARD results file missing";
            }
        }
        if (reportsDir == null || !Files.isDirectory(reportsDir)) {
            return result(run, SOURCE_NONE, note == null ? "no test reports" : note, List.of(), durationMs);
        }
        // File times can be coarser than the clock (1 s, even 2 s on FAT): truncating keeps reports of a
        // fast run; an older run's reports in the same second are the lesser evil.
        Instant since = run.startedAt().truncatedTo(ChronoUnit.SECONDS);
        List<TestAttempt> attempts = xmlReports.read(reportsDir, since);
        if (attempts.isEmpty()) {
            return result(run, SOURCE_NONE, note == null ? "no test reports" : note, List.of(), durationMs);
        }
        return result(run, SOURCE_XML, note, attempts, durationMs);
    }

    private Collected result(PendingTestRun run, String source, String note, List<TestAttempt> attempts, long durationMs) {
        String plugin = run.goal().pluginName();
        List<TestResult> results = attempts.isEmpty() ? List.of() : aggregator.aggregate(run.module(), plugin, run.executionId(), attempts);
        return new Collected(new ModuleRun(run.module(), plugin, run.executionId(), source, durationMs, note), results);
    }
}
