package dev.ard.core.telemetry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptsFileTest {
    static final String LINE_A =
            "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testA\",\"durationMs\":12,\"kind\":\"SUCCESS\",\"failureType\":null,\"trace\":null}";
    static final String LINE_B =
            "{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testB\",\"durationMs\":3,\"kind\":\"FAILURE\","
                    + "\"failureType\":\"java.lang.AssertionError\",\"trace\":\"java.lang.AssertionError: x\\n\\tat com.x.FooTest.testB(FooTest.java:9)\\n\"}";

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("attempts.jsonl"), content.getBytes(UTF_8));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(
                AttemptsFileTest.class.getResource("/surefire-3.5.4/" + name).toURI());
    }

    @Test
    void readsTheDocumentedFormat() throws IOException {
        List<TestAttempt> attempts = AttemptsFile.read(write(LINE_A + "\n" + LINE_B + "\n"));
        assertThat(attempts)
                .containsExactly(
                        new TestAttempt("com.x.FooTest", "testA", 12, AttemptKind.SUCCESS, null, null),
                        new TestAttempt(
                                "com.x.FooTest",
                                "testB",
                                3,
                                AttemptKind.FAILURE,
                                "java.lang.AssertionError",
                                "java.lang.AssertionError: x\n\tat com.x.FooTest.testB(FooTest.java:9)\n"));
    }

    @Test
    void readsTheSampleRun() throws Exception {
        List<TestAttempt> attempts = AttemptsFile.read(resource("com.example.SampleTest.attempts.jsonl"));
        assertThat(attempts).hasSize(12);
        assertThat(attempts.get(1).methodName()).isEqualTo("says \"hi\" & <bye> in ünïcødé ✓");
        assertThat(attempts.get(2).kind()).isEqualTo(AttemptKind.ERROR);
        assertThat(attempts.get(2).stackTrace()).startsWith("java.lang.IllegalStateException: boom id=");
    }

    @Test
    void ignoresUnknownFieldsBlankLinesAndCrLf() throws IOException {
        String withExtras = LINE_A.replace("\"v\":1,", "\"v\":1,\"threadName\":\"main\",\"tags\":[\"slow\"],");
        assertThat(AttemptsFile.read(write(withExtras + "\r\n\r\n   \n" + LINE_B + "\r\n")))
                .hasSize(2);
    }

    @Test
    void anEmptyFileHasNoAttempts() throws IOException {
        assertThat(AttemptsFile.read(write(""))).isEmpty();
    }

    @Test
    void refusesANewerVersion() throws IOException {
        Path file = write(LINE_A.replace("\"v\":1", "\"v\":2") + "\n");
        assertThatThrownBy(() -> AttemptsFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("results file version 2 not supported")
                .hasMessageContaining(file.toString());
    }

    @Test
    void skipsATruncatedLastLine() throws IOException {
        String cut = LINE_B.substring(0, LINE_B.length() / 2);
        assertThat(AttemptsFile.read(write(LINE_A + "\n" + cut)))
                .extracting(TestAttempt::methodName)
                .containsExactly("testA");
    }

    @Test
    void skipsALastLineCutInsideAMultiByteCharacter() throws IOException {
        byte[] good = (LINE_A + "\n").getBytes(UTF_8);
        byte[] partial = "{\"v\":1,\"class\":\"ü".getBytes(UTF_8);
        byte[] content = Arrays.copyOf(good, good.length + partial.length - 1);
        System.arraycopy(partial, 0, content, good.length, partial.length - 1);
        Path file = Files.write(dir.resolve("cut.jsonl"), content);
        assertThat(AttemptsFile.read(file)).hasSize(1);
    }

    @Test
    void aWholeLastLineWithoutNewlineIsRead() throws IOException {
        assertThat(AttemptsFile.read(write(LINE_A + "\n" + LINE_B))).hasSize(2);
    }

    @Test
    void aBadLineInTheMiddleFailsNamingFileAndLine() throws IOException {
        Path file = write(LINE_A + "\n{\"v\":1,\"class\":\n" + LINE_B + "\n");
        assertThatThrownBy(() -> AttemptsFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBadButCompleteLastLineFails() throws IOException {
        Path file = write(LINE_A + "\nnot json at all\n");
        assertThatThrownBy(() -> AttemptsFile.read(file)).hasMessageContaining("line 2");
    }

    @Test
    void validatesEveryField() throws IOException {
        assertBad(LINE_A.replace("\"kind\":\"SUCCESS\"", "\"kind\":\"PASSED\""), "kind");
        assertBad(LINE_A.replace("\"class\":\"com.x.FooTest\",", ""), "class");
        assertBad(LINE_A.replace("\"method\":\"testA\"", "\"method\":7"), "method");
        assertBad(LINE_A.replace("\"durationMs\":12", "\"durationMs\":-1"), "durationMs");
        assertBad(LINE_A.replace("\"durationMs\":12", "\"durationMs\":\"12\""), "durationMs");
        assertBad(LINE_A.replace("\"failureType\":null", "\"failureType\":{}"), "failureType");
        assertBad(LINE_A.replace("\"v\":1,", ""), "\"v\"");
        assertBad("[1,2,3]", "not a JSON object");
        assertBad(LINE_A + LINE_A, "not JSON");
    }

    @Test
    void durationsComeBackAsTheXmlWouldGiveThem() throws IOException {
        // 34 h: beyond a float's millisecond precision, the XML of the same run says 123456.79 s
        long exact = 123_456_789;
        String xmlTime = String.valueOf(exact / 1000.0f);
        Path xml = Files.writeString(
                dir.resolve("TEST-long.xml"),
                "<testsuite><testcase name=\"testA\" classname=\"com.x.FooTest\" time=\"" + xmlTime
                        + "\"/></testsuite>");
        Path jsonl = write(LINE_A.replace("\"durationMs\":12", "\"durationMs\":" + exact) + "\n");

        long fromReporter = AttemptsFile.read(jsonl).get(0).durationMs();
        assertThat(fromReporter)
                .isEqualTo(JUnitXmlReports.readFile(xml).get(0).durationMs())
                .isNotEqualTo(exact);
        assertThat(Math.abs(fromReporter - exact)).isLessThan(100);
        assertThat(SurefireTime.normalize(8_388_607)).isEqualTo(8_388_607); // exact below 2^23 ms
    }

    private void assertBad(String line, String expected) throws IOException {
        Path file = write(line + "\n");
        assertThatThrownBy(() -> AttemptsFile.read(file))
                .as(line)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining(expected);
    }
}
