package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureFingerprintTest {

    /** Real Surefire 3.5.4 / JUnit 5.14 trace (see resources/surefire-3.5.4). */
    private static final String ASSERTION_TRACE = """
            org.opentest4j.AssertionFailedError: sum at 1410523631873 ==> expected: <3> but was: <2>
            \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
            \tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
            \tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
            \tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)
            \tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)
            \tat com.example.SampleTest.failsWithAssertion(SampleTest.java:20)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
            \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
            \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
            """;

    private static final String TYPE = "org.opentest4j.AssertionFailedError";

    @Test
    void isSixteenHexCharactersAndNullWithoutAFailure() {
        assertThat(FailureFingerprint.of(TYPE, ASSERTION_TRACE)).matches("[0-9a-f]{16}");
        assertThat(FailureFingerprint.of(null, null)).isNull();
        assertThat(FailureFingerprint.of(" ", null)).isNull();
    }

    @Test
    void isPinnedSoStoredHistoryKeepsMatching() {
        // type + the one frame of the code under test; changing the algorithm orphans every stored fingerprint
        assertThat(FailureFingerprint.of(TYPE, ASSERTION_TRACE)).isEqualTo(PINNED);
    }

    private static final String PINNED = "ac56c783d010abcd";

    @Test
    void ignoresMessagesLineNumbersAndFileNames() {
        String otherRun = ASSERTION_TRACE
                .replace("sum at 1410523631873", "sum at 99")
                .replace("SampleTest.java:20", "SampleTest.java:57")
                .replace("AssertEquals.java:197", "Unknown Source");
        assertThat(FailureFingerprint.of(TYPE, otherRun)).isEqualTo(FailureFingerprint.of(TYPE, ASSERTION_TRACE));
    }

    @Test
    void ignoresMultiLineMessages() {
        String a =
                "java.lang.AssertionError: \nExpecting:\n <1>\nto be equal to:\n <2>\n\tat com.x.FooTest.a(FooTest.java:3)\n";
        String b = "java.lang.AssertionError: \nExpecting:\n <7>\n\tat com.x.FooTest.a(FooTest.java:3)\n";
        assertThat(FailureFingerprint.of("java.lang.AssertionError", a))
                .isEqualTo(FailureFingerprint.of("java.lang.AssertionError", b));
    }

    @Test
    void ignoresRunnerFramesBelowTheTestAndModulePrefixes() {
        String java8AndJUnit4 = """
                org.opentest4j.AssertionFailedError: expected: <3> but was: <2>
                \tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)
                \tat com.example.SampleTest.failsWithAssertion(SampleTest.java:20)
                \tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
                \tat sun.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)
                \tat java.lang.reflect.Method.invoke(Method.java:498)
                \tat org.junit.runners.model.FrameworkMethod$1.runReflectiveCall(FrameworkMethod.java:50)
                \tat org.apache.maven.surefire.junit4.JUnit4Provider.execute(JUnit4Provider.java:365)
                """;
        assertThat(FailureFingerprint.of(TYPE, java8AndJUnit4)).isEqualTo(FailureFingerprint.of(TYPE, ASSERTION_TRACE));
    }

    @Test
    void tellsDifferentFailuresApart() {
        String base = FailureFingerprint.of(TYPE, ASSERTION_TRACE);
        assertThat(FailureFingerprint.of("java.lang.AssertionError", ASSERTION_TRACE))
                .isNotEqualTo(base);
        assertThat(FailureFingerprint.of(TYPE, ASSERTION_TRACE.replace("failsWithAssertion(", "otherTest(")))
                .isNotEqualTo(base);
        String deeper = ASSERTION_TRACE.replace(
                "\tat com.example.SampleTest.failsWithAssertion",
                "\tat com.example.Calculator.add(Calculator.java:9)\n\tat com.example.SampleTest.failsWithAssertion");
        assertThat(FailureFingerprint.of(TYPE, deeper)).isNotEqualTo(base);
    }

    @Test
    void keepsAtMostFiveFramesOfTheCodeUnderTest() {
        StringBuilder trace = new StringBuilder("java.lang.StackOverflowError\n");
        for (int i = 0; i < 40; i++) {
            trace.append("\tat com.x.Recursive.call(Recursive.java:").append(i).append(")\n");
        }
        assertThat(FailureFingerprint.topFrames(trace.toString().lines().toList()))
                .hasSize(FailureFingerprint.MAX_FRAMES)
                .containsOnly("com.x.Recursive.call");
    }

    @Test
    void causeTypesCountButTheirMessagesDoNot() {
        String trace = """
                java.lang.RuntimeException: wrapper 1
                \tat com.x.Service.run(Service.java:10)
                Caused by: java.io.IOException: disk /tmp/abc123 full
                \tat com.x.Store.write(Store.java:20)
                \t... 3 more
                """;
        String base = FailureFingerprint.of("java.lang.RuntimeException", trace);
        assertThat(FailureFingerprint.of("java.lang.RuntimeException", trace.replace("/tmp/abc123", "/tmp/zz")))
                .isEqualTo(base);
        assertThat(FailureFingerprint.of(
                        "java.lang.RuntimeException",
                        trace.replace("java.io.IOException", "java.lang.OutOfMemoryError")))
                .isNotEqualTo(base);
    }

    @Test
    void normalizesFrameDecorations() {
        assertThat(FailureFingerprint.normalizeFrame("app//com.x.Foo.bar(Foo.java:12)"))
                .isEqualTo("com.x.Foo.bar");
        assertThat(FailureFingerprint.normalizeFrame(
                        "java.base@17.0.15/java.util.Objects.requireNonNull(Objects.java:233)"))
                .isEqualTo("java.util.Objects.requireNonNull");
        assertThat(FailureFingerprint.normalizeFrame("com.x.Foo$$Lambda$123/0x0000000800c0b000.run(Unknown Source)"))
                .isEqualTo("com.x.Foo$$Lambda.run");
        assertThat(FailureFingerprint.normalizeFrame("com.x.Foo$$Lambda/0x000002a001003c00.run(Unknown Source)"))
                .isEqualTo("com.x.Foo$$Lambda.run");
        assertThat(FailureFingerprint.normalizeFrame("com.x.Foo.lambda$bar$0(Foo.java:7)"))
                .isEqualTo("com.x.Foo.lambda$bar$0");
    }

    @Test
    void takesTheTypeFromTheTraceWhenTheReportHasNone() {
        assertThat(FailureFingerprint.of(null, ASSERTION_TRACE))
                .isEqualTo(FailureFingerprint.of(TYPE, ASSERTION_TRACE));
    }
}
