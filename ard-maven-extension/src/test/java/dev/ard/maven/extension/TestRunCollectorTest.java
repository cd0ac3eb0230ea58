package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.AttemptKind;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestAttempt;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.XmlReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's choice of source, over real files. The readers are stand-ins that return a marker
 * attempt (the real ones are tested in ard-core), so each test shows which file was read.
 */
class TestRunCollectorTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00.750Z");

    @TempDir
    Path dir;

    private final List<Instant> xmlSince = new ArrayList<>();

    private static TestAttempt attempt(String method) {
        return new TestAttempt("a.BTest", method, 5, AttemptKind.SUCCESS, null, null);
    }

    private TestRunCollector collector() {
        return new TestRunCollector(
                file -> {
                    String text = Files.readString(file);
                    if (text.contains("garbage")) {
                        throw new IOException("line 1: not JSON");
                    }
                    return text.isBlank() ? List.of() : List.of(attempt("fromReporter"));
                },
                (reportsDir, since) -> {
                    xmlSince.add(since);
                    try (var files = Files.list(reportsDir)) {
                        return new XmlReadResult(
                                files.anyMatch(f -> f.getFileName().toString().startsWith("TEST-"))
                                        ? List.of(attempt("fromXml"))
                                        : List.of(),
                                List.of());
                    }
                },
                (module, plugin, executionId, attempts) -> attempts.stream()
                        .map(a -> new TestResult(
                                module,
                                plugin,
                                executionId,
                                a.className(),
                                a.methodName(),
                                a.durationMs(),
                                Outcome.PASSED,
                                0,
                                false,
                                null,
                                null))
                        .toList());
    }

    private PendingTestRun withReporter() {
        return new PendingTestRun(
                TestGoal.SUREFIRE, "g:a", "default-test", START, dir.resolve("ard/surefire-default-test.jsonl"), null);
    }

    private Path reports(boolean withXml) throws IOException {
        Path reports = Files.createDirectories(dir.resolve("surefire-reports"));
        if (withXml) {
            Files.writeString(reports.resolve("TEST-a.BTest.xml"), "<testsuite/>");
        }
        return reports;
    }

    @Test
    void readsTheReporterFileWhenItIsThere() throws IOException {
        Files.createDirectories(dir.resolve("ard"));
        Files.writeString(withReporter().resultsFile(), "{}\n");

        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(true), 1234);

        assertThat(collected.run()).isEqualTo(new ModuleRun("g:a", "surefire", "default-test", "reporter", 1234, null));
        assertThat(collected.results()).extracting(TestResult::methodName).containsExactly("fromReporter");
        assertThat(xmlSince).isEmpty();
    }

    @Test
    void anEmptyReporterFileMeansNoTestsRan() throws IOException {
        Files.createDirectories(dir.resolve("ard"));
        Files.writeString(withReporter().resultsFile(), "");

        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(true), 1);

        assertThat(collected.run().source()).isEqualTo("reporter");
        assertThat(collected.results()).isEmpty();
    }

    @Test
    void missingReporterFileFallsBackToXml() throws IOException {
        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(true), 1);

        assertThat(collected.run().source()).isEqualTo("xml");
        assertThat(collected.run().note()).isEqualTo("ARD results file missing");
        assertThat(collected.results()).extracting(TestResult::methodName).containsExactly("fromXml");
        assertThat(collected.reporterProblem())
                .isEqualTo("the reporter wrote no surefire-default-test.jsonl although tests ran");
    }

    @Test
    void missingReporterFileWithoutAnyReportsIsNoProblem() throws IOException {
        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(false), 1);

        assertThat(collected.run().source()).isEqualTo("none");
        assertThat(collected.reporterProblem()).isNull();
    }

    @Test
    void failureMarkerWinsOverAPartialResultsFile() throws IOException {
        Files.createDirectories(dir.resolve("ard"));
        Files.writeString(withReporter().resultsFile(), "{}\n");
        Files.writeString(
                dir.resolve("ard/surefire-default-test.jsonl.failed"),
                "java.io.IOException: No space left on device\n");

        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(true), 1);

        assertThat(collected.run().source()).isEqualTo("xml");
        assertThat(collected.run().note())
                .isEqualTo("ARD reporter failed: java.io.IOException: No space left on device");
        assertThat(collected.results()).extracting(TestResult::methodName).containsExactly("fromXml");
        assertThat(collected.reporterProblem())
                .isEqualTo(
                        "the reporter could not write surefire-default-test.jsonl (java.io.IOException: No space left on device)");
    }

    @Test
    void brokenReporterFileFallsBackToXml() throws IOException {
        Files.createDirectories(dir.resolve("ard"));
        Files.writeString(withReporter().resultsFile(), "garbage");

        TestRunCollector.Collected collected = collector().collect(withReporter(), reports(true), 1);

        assertThat(collected.run().source()).isEqualTo("xml");
        assertThat(collected.run().note()).isEqualTo("ARD results file unreadable (line 1: not JSON)");
        assertThat(collected.reporterProblem())
                .isEqualTo("surefire-default-test.jsonl is unreadable (line 1: not JSON)");
    }

    @Test
    void withoutReporterReadsXmlAndKeepsTheReason() throws IOException {
        PendingTestRun run = new PendingTestRun(
                TestGoal.FAILSAFE, "g:a", "it", START, null, "user-configured statelessTestsetReporter");

        TestRunCollector.Collected collected = collector().collect(run, reports(true), 7);

        assertThat(collected.run())
                .isEqualTo(
                        new ModuleRun("g:a", "failsafe", "it", "xml", 7, "user-configured statelessTestsetReporter"));
        assertThat(collected.reporterProblem()).isNull();
        // Whole seconds: file systems with coarse timestamps would otherwise hide a fast run's reports.
        assertThat(xmlSince).containsExactly(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void noReportsAtAllIsNone() throws IOException {
        PendingTestRun run = new PendingTestRun(TestGoal.SUREFIRE, "g:a", "default-test", START, null, null);

        assertThat(collector().collect(run, dir.resolve("absent"), 1).run())
                .isEqualTo(new ModuleRun("g:a", "surefire", "default-test", "none", 1, "no test reports"));
        assertThat(collector().collect(run, reports(false), 1).run().source()).isEqualTo("none");
        assertThat(collector().collect(withReporter(), null, 1).run().note()).isEqualTo("ARD results file missing");
    }

    @Test
    void anUnreadableReportsDirectoryIsReportedToTheCaller() throws IOException {
        TestRunCollector failing = new TestRunCollector(
                f -> List.of(),
                (d, s) -> {
                    throw new IOException("TEST-x.xml: DOCTYPE is disallowed");
                },
                (m, p, e, a) -> List.of());
        PendingTestRun run = new PendingTestRun(TestGoal.SUREFIRE, "g:a", "default-test", START, null, null);
        Path reports = reports(true);

        assertThatThrownBy(() -> failing.collect(run, reports, 1)).hasMessageContaining("DOCTYPE");
    }
}
