package dev.ard.surefire;

import static dev.ard.surefire.Entries.entry;
import static dev.ard.surefire.Entries.skipped;
import static dev.ard.surefire.Entries.success;
import static dev.ard.surefire.Entries.testSet;
import static dev.ard.surefire.Entries.trace;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.ERROR;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.FAILURE;
import static org.apache.maven.plugin.surefire.report.ReportEntryType.SUCCESS;
import static org.apache.maven.surefire.api.report.RunMode.NORMAL_RUN;
import static org.apache.maven.surefire.api.report.RunMode.RERUN_TEST_AFTER_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.surefire.extensions.DefaultStatelessReportMojoConfiguration;
import org.apache.maven.plugin.surefire.report.StatelessXmlReporter;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArdStatelessTestsetReporterTest {
    private static final String FAIL_TRACE = "org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\n"
            + "\tat com.x.FooTest.testB(FooTest.java:10)\n";
    private static final String NPE_TRACE = "java.lang.NullPointerException\n\tat com.x.FooTest.testC(FooTest.java:20)";

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerAttemptAndKeepsTheXmlReport() throws IOException {
        Path results = dir.resolve("ard/surefire-default-test.jsonl");
        var listener = reporter(results).createListener(config(null, 0));

        complete(
                listener,
                "com.x.FooTest",
                success("com.x.FooTest", "testA", 12),
                entry(
                        NORMAL_RUN,
                        "com.x.FooTest",
                        null,
                        "testB",
                        FAILURE,
                        5,
                        trace("expected: <1> but was: <2>", FAIL_TRACE)),
                entry(NORMAL_RUN, "com.x.FooTest", null, "testC", ERROR, 7, trace(null, NPE_TRACE)),
                skipped("com.x.FooTest", "testD"),
                entry(
                        NORMAL_RUN,
                        "com.x.FooTest",
                        null,
                        null,
                        ERROR,
                        1,
                        trace("boom", "java.lang.IllegalStateException: boom")));

        assertThat(Files.readAllLines(results, UTF_8))
                .containsExactly(
                        "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testA\",\"durationMs\":12,\"kind\":\"SUCCESS\","
                                + "\"failureType\":null,\"trace\":null}",
                        "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testB\",\"durationMs\":5,\"kind\":\"FAILURE\","
                                + "\"failureType\":\"org.opentest4j.AssertionFailedError\",\"trace\":"
                                + "\"org.opentest4j.AssertionFailedError: expected: <1> but was: <2>\\u000A\\u0009at "
                                + "com.x.FooTest.testB(FooTest.java:10)\\u000A\"}",
                        "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testC\",\"durationMs\":7,\"kind\":\"ERROR\","
                                + "\"failureType\":\"java.lang.NullPointerException\",\"trace\":"
                                + "\"java.lang.NullPointerException\\u000A\\u0009at com.x.FooTest.testC(FooTest.java:20)\"}",
                        "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testD\",\"durationMs\":0,\"kind\":\"SKIPPED\","
                                + "\"failureType\":null,\"trace\":null}",
                        "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"\",\"durationMs\":1,\"kind\":\"ERROR\","
                                + "\"failureType\":\"java.lang.IllegalStateException\",\"trace\":"
                                + "\"java.lang.IllegalStateException: boom\"}");
        assertSameAsXml(results, dir.resolve("reports/TEST-com.x.FooTest.xml"));
    }

    @Test
    void writesEveryRerunAttemptInTheOrderTheyRan() throws IOException {
        Path results = dir.resolve("results.jsonl");
        var listener = reporter(results).createListener(config(null, 2));
        String cls = "com.x.RerunTest";

        complete(
                listener,
                cls,
                entry(NORMAL_RUN, cls, null, "flaky", FAILURE, 3, trace("first", "java.lang.AssertionError: first")),
                entry(NORMAL_RUN, cls, null, "broken", ERROR, 4, trace("b1", "java.lang.IllegalStateException: b1")),
                success(cls, "fine", 2));
        complete(
                listener,
                cls,
                entry(RERUN_TEST_AFTER_FAILURE, cls, null, "flaky", SUCCESS, 6, null),
                entry(
                        RERUN_TEST_AFTER_FAILURE,
                        cls,
                        null,
                        "broken",
                        ERROR,
                        5,
                        trace("b2", "java.lang.IllegalStateException: b2")));
        complete(
                listener,
                cls,
                entry(
                        RERUN_TEST_AFTER_FAILURE,
                        cls,
                        null,
                        "broken",
                        ERROR,
                        8,
                        trace("b3", "java.lang.IllegalStateException: b3")));

        List<Map<String, Object>> lines = readJson(results);
        assertThat(lines)
                .extracting(l -> l.get("method"), l -> l.get("kind"), l -> l.get("durationMs"), l -> l.get("trace"))
                .containsExactly(
                        tuple("flaky", "FAILURE", 3L, "java.lang.AssertionError: first"),
                        tuple("broken", "ERROR", 4L, "java.lang.IllegalStateException: b1"),
                        tuple("fine", "SUCCESS", 2L, null),
                        tuple("flaky", "SUCCESS", 6L, null),
                        tuple("broken", "ERROR", 5L, "java.lang.IllegalStateException: b2"),
                        tuple("broken", "ERROR", 8L, "java.lang.IllegalStateException: b3"));

        // The XML folds the attempts: one testcase per method, reruns and flakes as nested elements.
        List<JUnitXml.TestCase> xml = JUnitXml.read(dir.resolve("reports/TEST-com.x.RerunTest.xml"));
        assertThat(xml).extracting(JUnitXml.TestCase::name).containsExactly("flaky", "broken", "fine");
        assertThat(xml.get(0).timeMs()).isEqualTo(6); // the successful attempt
        assertThat(xml.get(0).problems())
                .extracting(JUnitXml.Problem::tag, JUnitXml.Problem::type, JUnitXml.Problem::text)
                .containsExactly(tuple("flakyFailure", "java.lang.AssertionError", "java.lang.AssertionError: first"));
        assertThat(xml.get(1).timeMs()).isEqualTo(4); // the first attempt
        assertThat(xml.get(1).problems())
                .extracting(JUnitXml.Problem::tag, JUnitXml.Problem::text)
                .containsExactly(
                        tuple("error", "java.lang.IllegalStateException: b1"),
                        tuple("rerunError", "java.lang.IllegalStateException: b2"),
                        tuple("rerunError", "java.lang.IllegalStateException: b3"));
    }

    @Test
    void namesWithQuotesUnicodeAndControlCharactersMatchTheXml() throws IOException {
        Path results = dir.resolve("results.jsonl");
        var listener = reporter(results).createListener(config(null, 0));
        String cls = "com.x.ÜnicodeTest";
        String display = "Fancy \"quoted\" ✓ \\ <tests> & 😀";
        String method = "test \"q\" ✓ 😀 \u0001 bell\u0007";
        // Surefire replaces XML-illegal characters in a trace; "]]>" needs its CDATA split, not a change.
        String bellTrace = "java.lang.AssertionError: \u001B[31m <b> & ü\n\tat x";
        String cdataTrace = "java.lang.AssertionError: a]]>b\n\tat y";

        complete(
                listener,
                cls,
                entry(NORMAL_RUN, cls, display, method, SUCCESS, 1, null),
                entry(NORMAL_RUN, cls, display, "fails", FAILURE, 2, trace("\u001B[31m <b> & ü", bellTrace)),
                entry(NORMAL_RUN, cls, display, "cdata", ERROR, 3, trace("a]]>b", cdataTrace)));

        List<Map<String, Object>> lines = readJson(results);
        // Surefire 3.5.4 writes the class display name (source text) as classname.
        assertThat(lines).extracting(l -> l.get("class")).containsOnly(display);
        assertThat(lines.get(0).get("method")).isEqualTo("test \"q\" ✓ 😀 &#1; bell&#7;");
        assertThat(lines.get(1).get("trace")).isEqualTo("java.lang.AssertionError: &amp#27;[31m <b> & ü\n\tat x");
        assertThat(lines.get(2).get("trace")).isEqualTo(cdataTrace);
        assertThat(Files.readAllLines(results, UTF_8).get(0))
                .startsWith(
                        "{\"v\":1,\"class\":\"Fancy \\\"quoted\\\" ✓ \\\\ <tests> & 😀\",\"method\":\"test \\\"q\\\" ✓");
        assertSameAsXml(results, dir.resolve("reports/TEST-com.x.ÜnicodeTest.xml"));
    }

    @Test
    void appendsTheReportNameSuffixToTheClassNameLikeTheXml() throws IOException {
        Path results = dir.resolve("results.jsonl");
        var listener = reporter(results).createListener(config("it", 0));

        complete(listener, "com.x.FooTest", success("com.x.FooTest", "testA", 1));

        assertThat(readJson(results)).extracting(l -> l.get("class")).containsExactly("com.x.FooTest(it)");
        assertSameAsXml(results, dir.resolve("reports/TEST-com.x.FooTest-it.xml"));
    }

    @Test
    void withoutResultsFileItIsTheDefaultReporter() {
        ArdStatelessTestsetReporter reporter = new ArdStatelessTestsetReporter();
        assertThat(reporter.createListener(config(null, 0))).isInstanceOf(StatelessXmlReporter.class);

        reporter.setResultsFile(new File("  "));
        var listener = reporter.createListener(config(null, 0));
        assertThat(listener).isInstanceOf(StatelessXmlReporter.class);

        complete(listener, "com.x.FooTest", success("com.x.FooTest", "testA", 1));
        assertThat(dir.resolve("reports/TEST-com.x.FooTest.xml")).isRegularFile();
    }

    @Test
    void aFailedWriteLeavesAMarkerAndNeverBreaksTheRun() throws IOException {
        Path results = Files.createDirectories(dir.resolve("results.jsonl")); // a directory: appends fail
        var listener = reporter(results).createListener(config(null, 0));

        complete(listener, "com.x.FooTest", success("com.x.FooTest", "testA", 1));
        complete(listener, "com.x.BarTest", success("com.x.BarTest", "testB", 1));

        assertThat(dir.resolve("reports/TEST-com.x.FooTest.xml")).isRegularFile();
        assertThat(dir.resolve("reports/TEST-com.x.BarTest.xml")).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve("results.jsonl.failed"), UTF_8))
                .singleElement()
                .asString()
                .contains("results.jsonl");
    }

    @Test
    void aResultsFileNobodyCanCreateIsIgnored() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        var listener = reporter(blocker.resolve("ard/results.jsonl")).createListener(config(null, 0));

        complete(listener, "com.x.FooTest", success("com.x.FooTest", "testA", 1));

        assertThat(dir.resolve("reports/TEST-com.x.FooTest.xml")).isRegularFile();
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a directory");
    }

    @Test
    void forksReportingAtOnceNeverMixTheirLines() throws Exception {
        Path results = dir.resolve("results.jsonl");
        ArdStatelessTestsetReporter reporter = reporter(results);
        int forks = 4;
        int testSets = 40;
        List<Thread> threads = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            // Surefire creates one listener per fork.
            var listener = reporter.createListener(config(null, 0));
            String cls = "com.x.Fork" + fork + "Test";
            threads.add(new Thread(() -> {
                for (int set = 0; set < testSets; set++) {
                    complete(listener, cls, success(cls, "a" + set, set), success(cls, "b" + set, set));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        List<Map<String, Object>> lines = readJson(results);
        assertThat(lines).hasSize(forks * testSets * 2);
        for (int fork = 0; fork < forks; fork++) {
            String cls = "com.x.Fork" + fork + "Test";
            List<Object> methods = lines.stream()
                    .filter(l -> cls.equals(l.get("class")))
                    .map(l -> l.get("method"))
                    .toList();
            List<Object> expected = new ArrayList<>();
            for (int set = 0; set < testSets; set++) {
                expected.add("a" + set);
                expected.add("b" + set);
            }
            assertThat(methods).isEqualTo(expected);
        }
    }

    @Test
    void toStringNamesTheResultsFile() {
        ArdStatelessTestsetReporter reporter = reporter(Path.of("/tmp/x/results.jsonl"));
        assertThat(reporter.toString())
                .contains("resultsFile=/tmp/x/results.jsonl")
                .contains("version=3.0.2");
    }

    private ArdStatelessTestsetReporter reporter(Path results) {
        ArdStatelessTestsetReporter reporter = new ArdStatelessTestsetReporter();
        reporter.setResultsFile(results.toFile());
        return reporter;
    }

    @SuppressWarnings("deprecation") // the type Surefire hands every stateless reporter
    private DefaultStatelessReportMojoConfiguration config(String suffix, int rerunFailingTestsCount) {
        return new DefaultStatelessReportMojoConfiguration(
                dir.resolve("reports").toFile(),
                suffix,
                true,
                rerunFailingTestsCount,
                "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd",
                false,
                false,
                new ConcurrentHashMap<>());
    }

    /** What Surefire's TestSetRunListener does: collect the attempts, hand them over, reset. */
    private static void complete(
            StatelessReportEventListener<WrappedReportEntry, TestSetStats> listener,
            String cls,
            WrappedReportEntry... attempts) {
        TestSetStats stats = new TestSetStats(false, false);
        int elapsed = 0;
        for (WrappedReportEntry attempt : attempts) {
            switch (attempt.getReportEntryType()) {
                case SUCCESS -> stats.testSucceeded(attempt);
                case FAILURE -> stats.testFailure(attempt);
                case ERROR -> stats.testError(attempt);
                case SKIPPED -> stats.testSkipped(attempt);
                default ->
                    throw new IllegalArgumentException(
                            attempt.getReportEntryType().name());
            }
            elapsed += attempt.getElapsed(0);
        }
        listener.testSetCompleted(testSet(cls, elapsed), stats);
    }

    private static List<Map<String, Object>> readJson(Path results) throws IOException {
        return Files.readAllLines(results, UTF_8).stream()
                .map(MiniJson::parseObject)
                .toList();
    }

    /** Without reruns every attempt is one testcase: the values must be the XML's, one for one. */
    private static void assertSameAsXml(Path results, Path xmlReport) throws IOException {
        List<Map<String, Object>> lines = readJson(results);
        List<JUnitXml.TestCase> cases = JUnitXml.read(xmlReport);
        assertThat(lines).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            JUnitXml.TestCase xml = cases.get(i);
            Map<String, Object> json = lines.get(i);
            assertThat(json.get("class")).as("class of %s", xml).isEqualTo(xml.className());
            assertThat(json.get("method")).as("method of %s", xml).isEqualTo(xml.name());
            assertThat(json.get("durationMs")).as("durationMs of %s", xml).isEqualTo(xml.timeMs());
            JUnitXml.Problem problem =
                    xml.problems().isEmpty() ? null : xml.problems().get(0);
            boolean failed = problem != null && !problem.tag().equals("skipped");
            assertThat(json.get("kind"))
                    .isEqualTo(problem == null ? "SUCCESS" : problem.tag().toUpperCase(Locale.ROOT));
            assertThat(json.get("failureType")).as("type of %s", xml).isEqualTo(failed ? problem.type() : null);
            assertThat(json.get("trace")).as("trace of %s", xml).isEqualTo(failed ? problem.text() : null);
        }
    }
}
