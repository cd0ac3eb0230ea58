package dev.ard.core.telemetry;

import static dev.ard.core.telemetry.AttemptKind.ERROR;
import static dev.ard.core.telemetry.AttemptKind.FAILURE;
import static dev.ard.core.telemetry.AttemptKind.SKIPPED;
import static dev.ard.core.telemetry.AttemptKind.SUCCESS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlReportsTest {
    private static final String SAMPLE_XML = "TEST-com.example.SampleTest.xml";
    private static final String SAMPLE_JSONL = "com.example.SampleTest.attempts.jsonl";
    private static final String CLASS = "com.example.SampleTest";
    private static final String QUOTED = "says \"hi\" & <bye> in ünïcødé ✓";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    // ---- real Surefire output -------------------------------------------------------------------

    @Test
    void readsRealSurefireOutputIntoTheReportersAttempts() throws Exception {
        List<TestAttempt> attempts = JUnitXmlReports.readFile(AttemptsFileTest.resource(SAMPLE_XML));
        assertThat(attempts)
                .extracting(a -> a.methodName() + ":" + a.kind() + ":" + a.durationMs())
                .containsExactly(
                        "passes:SUCCESS:45",
                        QUOTED + ":SUCCESS:31",
                        "throwsError:ERROR:14",
                        "throwsError:ERROR:0",
                        "throwsError:ERROR:0",
                        "flakyTwice:FAILURE:0",
                        "flakyTwice:FAILURE:0",
                        "flakyTwice:SUCCESS:8",
                        "failsWithAssertion:FAILURE:12",
                        "failsWithAssertion:FAILURE:0",
                        "failsWithAssertion:FAILURE:0",
                        "skipped:SKIPPED:0");
        assertThat(attempts).allMatch(a -> a.className().equals(CLASS));
        TestAttempt firstRerun = attempts.get(3);
        assertThat(firstRerun.failureType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(firstRerun.stackTrace())
                .startsWith("java.lang.IllegalStateException: boom id=")
                .contains("\tat com.example.SampleTest.throwsError(SampleTest.java:25)\n")
                .doesNotContain("flaky run"); // system-out is not part of the trace
        assertThat(attempts.get(11).failureType()).isNull();
        assertThat(attempts.get(11).stackTrace()).isNull();
    }

    @Test
    void xmlAndReporterFileOfTheSameRunCarryTheSameFailures() throws Exception {
        List<TestAttempt> fromXml = JUnitXmlReports.readFile(AttemptsFileTest.resource(SAMPLE_XML));
        List<TestAttempt> fromReporter = AttemptsFile.read(AttemptsFileTest.resource(SAMPLE_JSONL));
        // Order differs (the XML groups reruns under their test case) and so do rerun times (the XML has none).
        assertThat(withoutTimes(fromXml)).isEqualTo(withoutTimes(fromReporter));
    }

    private static Map<String, List<String>> withoutTimes(List<TestAttempt> attempts) {
        Map<String, List<String>> byMethod = new LinkedHashMap<>();
        for (TestAttempt a : attempts) {
            byMethod.computeIfAbsent(a.className() + "#" + a.methodName(), k -> new java.util.ArrayList<>())
                    .add(a.kind() + "|" + a.failureType() + "|" + a.stackTrace());
        }
        return byMethod;
    }

    @Test
    void bothPathsGiveIdenticalResults() throws Exception {
        List<TestResult> fromXml = TestResults.aggregate(
                "com.example:sample",
                "surefire",
                "default-test",
                JUnitXmlReports.readFile(AttemptsFileTest.resource(SAMPLE_XML)));
        List<TestResult> fromReporter = TestResults.aggregate(
                "com.example:sample",
                "surefire",
                "default-test",
                AttemptsFile.read(AttemptsFileTest.resource(SAMPLE_JSONL)));

        assertThat(fromXml).isEqualTo(fromReporter);
        assertThat(fromXml)
                .extracting(r -> r.methodName() + ":" + r.outcome() + ":" + r.durationMs() + "ms:reruns=" + r.reruns()
                        + ":flaky=" + r.flaky() + ":" + r.failureType())
                .containsExactly(
                        "passes:PASSED:45ms:reruns=0:flaky=false:null",
                        QUOTED + ":PASSED:31ms:reruns=0:flaky=false:null",
                        "throwsError:ERROR:14ms:reruns=2:flaky=false:java.lang.IllegalStateException",
                        "flakyTwice:PASSED:8ms:reruns=2:flaky=true:java.lang.AssertionError",
                        "failsWithAssertion:FAILED:12ms:reruns=2:flaky=false:org.opentest4j.AssertionFailedError",
                        "skipped:SKIPPED:0ms:reruns=0:flaky=false:null");
        assertThat(fromXml.get(2).failureFingerprint())
                .isNotNull()
                .isNotEqualTo(fromXml.get(4).failureFingerprint());
        assertThat(fromXml.get(0).failureFingerprint()).isNull();
    }

    // ---- structure and formats ------------------------------------------------------------------

    @Test
    void readsFlakyErrorsRerunSkipsSuitesAndLegacyTimes() throws IOException {
        Path file = write("TEST-x.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                  <testsuite name="com.x.ATest" time="1">
                    <testcase name="flaky" classname="com.x.ATest" time="1,234.5">
                      <flakyError type="java.io.IOException"><stackTrace>java.io.IOException
                	at com.x.A.io(A.java:1)
                </stackTrace><system-err>noise</system-err></flakyError>
                    </testcase>
                    <testcase name="rerunSkipped" classname="com.x.ATest" time="0,012">
                      <failure type="java.lang.AssertionError">java.lang.AssertionError
                	at com.x.ATest.rerunSkipped(ATest.java:2)
                </failure>
                      <!-- a skipped test execution in re-run phase -->
                      <!-- any other comment -->
                    </testcase>
                  </testsuite>
                  <testsuite name="com.x.BTest">
                    <testcase name="noClassName" time="1,234"/>
                    <testcase name="noTime" classname="com.x.BTest"/>
                  </testsuite>
                </testsuites>
                """);
        assertThat(JUnitXmlReports.readFile(file))
                .containsExactly(
                        new TestAttempt(
                                "com.x.ATest",
                                "flaky",
                                0,
                                ERROR,
                                "java.io.IOException",
                                "java.io.IOException\n\tat com.x.A.io(A.java:1)\n"),
                        new TestAttempt("com.x.ATest", "flaky", 1_234_500, SUCCESS, null, null),
                        new TestAttempt(
                                "com.x.ATest",
                                "rerunSkipped",
                                12,
                                FAILURE,
                                "java.lang.AssertionError",
                                "java.lang.AssertionError\n\tat com.x.ATest.rerunSkipped(ATest.java:2)\n"),
                        new TestAttempt("com.x.ATest", "rerunSkipped", 0, SKIPPED, null, null),
                        new TestAttempt("com.x.BTest", "noClassName", 1_234_000, SUCCESS, null, null),
                        new TestAttempt("com.x.BTest", "noTime", 0, SUCCESS, null, null));
    }

    @Test
    void aBadTimeIsAProblemOfTheFile() throws IOException {
        Path file = write("TEST-t.xml", "<testsuite><testcase name=\"t\" classname=\"c\" time=\"soon\"/></testsuite>");
        assertThatThrownBy(() -> JUnitXmlReports.readFile(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("time 'soon'");
    }

    // ---- hostile and broken input ---------------------------------------------------------------

    private String secretUrl(String marker) throws IOException {
        return write("secret.txt", marker + "\n").toUri().toString();
    }

    private static void assertNeverLeaks(Throwable e, String marker) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(marker);
        }
    }

    private IOException readFails(Path file) {
        IOException e = catchThrowableOfType(IOException.class, () -> JUnitXmlReports.readFile(file));
        assertThat(e).as("reading %s must fail", file.getFileName()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").contains(file.toString());
        return e;
    }

    @Test
    void xxeIsRefusedAndTheFileNeverAppears() throws Exception {
        String marker = "TOPSECRET-" + UUID.randomUUID();
        String url = secretUrl(marker);
        List<String> attacks = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "\">]>"
                        + "<testsuite name=\"s\"><testcase name=\"&e;\" classname=\"c\" time=\"1\"/></testsuite>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "\">]>"
                        + "<testsuite name=\"s\"><testcase name=\"t\" classname=\"c\"><failure type=\"T\">&e;</failure></testcase></testsuite>",
                "<?xml version=\"1.0\"?><!DOCTYPE testsuite SYSTEM \"" + url + "\"><testsuite name=\"s\"/>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url
                        + "\"> %p;]><testsuite name=\"s\"/>");
        for (int i = 0; i < attacks.size(); i++) {
            Path file = write("TEST-xxe" + i + ".xml", attacks.get(i));
            IOException e = readFails(file);
            assertNeverLeaks(e, marker);
            assertThat(e.getMessage()).contains("DOCTYPE not allowed");
        }
        XmlReadResult all = JUnitXmlReports.read(dir, null);
        assertThat(all.attempts()).isEmpty();
        assertThat(all.problems()).hasSize(attacks.size()).allSatisfy(p -> assertThat(p)
                .doesNotContain(marker));
    }

    @Test
    void xIncludeIsNotProcessed() throws Exception {
        String marker = "TOPSECRET-" + UUID.randomUUID();
        Path file = write(
                "TEST-xi.xml",
                "<testsuite xmlns:xi=\"http://www.w3.org/2001/XInclude\" name=\"s\">"
                        + "<testcase name=\"t\" classname=\"c\" time=\"0.1\"><failure type=\"T\">"
                        + "<xi:include href=\"" + secretUrl(marker)
                        + "\" parse=\"text\"/></failure></testcase></testsuite>");
        List<TestAttempt> attempts = JUnitXmlReports.readFile(file);
        assertThat(attempts).containsExactly(new TestAttempt("c", "t", 100, FAILURE, "T", null));
    }

    @Test
    void billionLaughsIsRefused() throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 10; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10));
            xml.append("\">");
        }
        xml.append("]><testsuite name=\"s\"><testcase name=\"&lol10;\" classname=\"c\"/></testsuite>");
        assertThat(readFails(write("TEST-lol.xml", xml.toString())).getMessage())
                .contains("DOCTYPE not allowed");
    }

    @Test
    void anUndeclaredEntityIsRefused() throws IOException {
        readFails(write("TEST-ent.xml", "<testsuite name=\"s\"><testcase name=\"&e;\" classname=\"c\"/></testsuite>"));
    }

    @Test
    void aTruncatedReportIsRefused() throws Exception {
        String sample = Files.readString(AttemptsFileTest.resource(SAMPLE_XML), UTF_8);
        IOException e = readFails(write("TEST-cut.xml", sample.substring(0, sample.length() / 2)));
        assertThat(e.getMessage()).contains("not well-formed XML: line ");
    }

    @Test
    void somethingElseIsRefused() throws IOException {
        assertThat(readFails(write("TEST-empty.xml", "")).getMessage()).contains("not well-formed XML");
        assertThat(readFails(write("TEST-text.xml", "Tests run: 3, Failures: 0\n"))
                        .getMessage())
                .contains("not well-formed XML");
        assertThat(readFails(write("TEST-html.xml", "<html><body/></html>")).getMessage())
                .contains("not a JUnit XML report (root element <html>)");
        Path binary = Files.write(
                dir.resolve("TEST-bin.xml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3, (byte) 0x80});
        readFails(binary);
        assertThatThrownBy(() -> JUnitXmlReports.readFile(dir.resolve("TEST-missing.xml")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("NoSuchFileException");
    }

    @Test
    void badBytesAreRefusedWithoutPrintingToTheBuildLog() throws IOException {
        byte[] latin1InUtf8 = "<testsuite><testcase name=\"caf\u00e9\" classname=\"c\"/></testsuite>"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("TEST-bytes.xml"), latin1InUtf8);
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, UTF_8));
        try {
            assertThat(readFails(file).getMessage()).contains("bad byte sequence");
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(UTF_8)).isEmpty();
    }

    @Test
    void honoursTheDeclaredEncodingAndAByteOrderMark() throws IOException {
        String xml =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite><testcase name=\"caf\u00e9\" classname=\"c\"/></testsuite>";
        Path latin1 = Files.write(dir.resolve("TEST-latin1.xml"), xml.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(JUnitXmlReports.readFile(latin1))
                .extracting(TestAttempt::methodName)
                .containsExactly("caf\u00e9");

        byte[] body = "<testsuite><testcase name=\"\u2713\" classname=\"c\"/></testsuite>".getBytes(UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path bom = Files.write(dir.resolve("TEST-bom.xml"), withBom);
        assertThat(JUnitXmlReports.readFile(bom))
                .extracting(TestAttempt::methodName)
                .containsExactly("\u2713");

        Path odd = write("TEST-odd.xml", "<?xml version=\"1.0\" encoding=\"X-NOPE-9\"?><testsuite/>");
        assertThat(readFails(odd).getMessage()).contains("unsupported encoding 'X-NOPE-9'");
    }

    // ---- a reports directory --------------------------------------------------------------------

    @Test
    void readsFreshReportsAndNamesTheBadOnes() throws Exception {
        Instant since = Instant.now().minus(Duration.ofMinutes(1));
        Files.copy(AttemptsFileTest.resource(SAMPLE_XML), dir.resolve(SAMPLE_XML));
        write("TEST-com.x.Broken.xml", "<testsuite><testcase name=");
        Path stale = write(
                "TEST-com.x.Stale.xml", "<testsuite><testcase name=\"old\" classname=\"com.x.Stale\"/></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(since.minus(Duration.ofHours(1))));
        write("com.x.Other.txt", "not a report");
        write(
                "TEST-com.x.Fine.xml",
                "<testsuite><testcase name=\"t\" classname=\"com.x.Fine\" time=\"0.5\"/></testsuite>");

        XmlReadResult result = JUnitXmlReports.read(dir, since);

        assertThat(result.attempts()).extracting(TestAttempt::className).containsOnly(CLASS, "com.x.Fine");
        assertThat(result.attempts()).hasSize(13);
        assertThat(result.attempts().get(0).className()).isEqualTo(CLASS); // files in name order
        assertThat(result.problems())
                .singleElement()
                .asString()
                .startsWith("TEST-com.x.Broken.xml: not well-formed XML");
        assertThat(result.hasProblems()).isTrue();
    }

    @Test
    void sinceIsComparedAtWholeSeconds() throws IOException {
        Instant since = Instant.parse("2026-01-02T10:00:00.700Z");
        Path report = write("TEST-a.xml", "<testsuite><testcase name=\"t\" classname=\"a\"/></testsuite>");
        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2026-01-02T10:00:00Z")));
        assertThat(JUnitXmlReports.read(dir, since).attempts()).hasSize(1);
        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2026-01-02T09:59:59.999Z")));
        assertThat(JUnitXmlReports.read(dir, since).attempts()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsEmpty() throws IOException {
        XmlReadResult result = JUnitXmlReports.read(dir.resolve("absent"), Instant.now());
        assertThat(result.attempts()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }
}
