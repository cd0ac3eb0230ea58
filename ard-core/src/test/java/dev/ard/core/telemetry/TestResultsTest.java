package dev.ard.core.telemetry;

import static dev.ard.core.telemetry.AttemptKind.ERROR;
import static dev.ard.core.telemetry.AttemptKind.FAILURE;
import static dev.ard.core.telemetry.AttemptKind.SKIPPED;
import static dev.ard.core.telemetry.AttemptKind.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestResultsTest {
    private static final String TRACE_A = "java.lang.AssertionError: a 1\n\tat com.x.FooTest.t(FooTest.java:3)\n";
    private static final String TRACE_B = "java.lang.IllegalStateException: b 2\n\tat com.x.Foo.run(Foo.java:9)\n";

    private static TestAttempt run(String method, long ms, AttemptKind kind) {
        return switch (kind) {
            case FAILURE -> new TestAttempt("com.x.FooTest", method, ms, kind, "java.lang.AssertionError", TRACE_A);
            case ERROR ->
                new TestAttempt("com.x.FooTest", method, ms, kind, "java.lang.IllegalStateException", TRACE_B);
            default -> new TestAttempt("com.x.FooTest", method, ms, kind, null, null);
        };
    }

    private static TestResult only(TestAttempt... attempts) {
        List<TestResult> results = TestResults.aggregate("g:a", "surefire", "default-test", List.of(attempts));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void passedOnce() {
        TestResult r = only(run("t", 12, SUCCESS));
        assertThat(r)
                .isEqualTo(new TestResult(
                        "g:a",
                        "surefire",
                        "default-test",
                        "com.x.FooTest",
                        "t",
                        12,
                        Outcome.PASSED,
                        0,
                        false,
                        null,
                        null));
    }

    @Test
    void failedThenPassedIsFlakyWithTheSuccessfulRunsTimeAndTheLastFailure() {
        TestResult r = only(run("t", 30, FAILURE), run("t", 20, ERROR), run("t", 7, SUCCESS));
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.flaky()).isTrue();
        assertThat(r.reruns()).isEqualTo(2);
        assertThat(r.durationMs()).isEqualTo(7);
        assertThat(r.failureType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(r.failureFingerprint()).isEqualTo(FailureFingerprint.of("java.lang.IllegalStateException", TRACE_B));
    }

    @Test
    void failedEveryTimeKeepsTheFirstRunsTime() {
        TestResult r = only(run("t", 30, FAILURE), run("t", 20, FAILURE), run("t", 10, FAILURE));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.flaky()).isFalse();
        assertThat(r.reruns()).isEqualTo(2);
        assertThat(r.durationMs()).isEqualTo(30);
        assertThat(r.failureType()).isEqualTo("java.lang.AssertionError");
        assertThat(r.failureFingerprint()).isEqualTo(FailureFingerprint.of("java.lang.AssertionError", TRACE_A));
    }

    @Test
    void anErrorInAnyRunMakesItAnErrorLikeSurefire() {
        TestResult r = only(run("t", 30, FAILURE), run("t", 20, ERROR), run("t", 10, FAILURE));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.failureType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(r.durationMs()).isEqualTo(30);
    }

    @Test
    void aSkippedRerunStillCountsAsARerun() {
        TestResult r = only(run("t", 30, FAILURE), run("t", 0, SKIPPED));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reruns()).isEqualTo(1);
    }

    @Test
    void skipped() {
        TestResult r = only(run("t", 0, SKIPPED));
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(r.reruns()).isZero();
        assertThat(r.failureType()).isNull();
        assertThat(r.failureFingerprint()).isNull();
    }

    @Test
    void skipsBesideSuccessesVanishAsInTheXml() {
        TestResult r = only(run("t", 0, SKIPPED), run("t", 5, SUCCESS));
        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.flaky()).isFalse();
        assertThat(r.reruns()).isZero();
        assertThat(r.durationMs()).isEqualTo(5);
    }

    @Test
    void groupsByClassAndMethodInFirstSeenOrder() {
        List<TestResult> results = TestResults.aggregate(
                "g:a",
                "failsafe",
                "it",
                List.of(
                        run("b", 1, FAILURE),
                        run("a", 2, SUCCESS),
                        new TestAttempt("com.x.OtherTest", "b", 3, SUCCESS, null, null),
                        run("b", 4, SUCCESS)));
        assertThat(results)
                .extracting(r -> r.className() + "#" + r.methodName() + ":" + r.outcome() + ":" + r.flaky())
                .containsExactly(
                        "com.x.FooTest#b:PASSED:true",
                        "com.x.FooTest#a:PASSED:false",
                        "com.x.OtherTest#b:PASSED:false");
        assertThat(results)
                .allMatch(r -> r.plugin().equals("failsafe") && r.executionId().equals("it"));
    }

    @Test
    void emptyInputGivesNoResults() {
        assertThat(TestResults.aggregate("g:a", "surefire", "default-test", List.of()))
                .isEmpty();
    }
}
