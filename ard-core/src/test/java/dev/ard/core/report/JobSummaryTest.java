package dev.ard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSummaryTest {

    private static TestResult result(
            String module, String cls, String method, Outcome outcome, int reruns, boolean flaky) {
        return new TestResult(
                module,
                "surefire",
                "default-test",
                cls,
                method,
                10,
                outcome,
                reruns,
                flaky,
                outcome == Outcome.FAILED || flaky ? "org.opentest4j.AssertionFailedError" : null,
                null);
    }

    @Test
    void countsSelectionFailuresAndFlakyTests() {
        List<TestResult> tests = List.of(
                result("g:core", "com.x.ATest", "ok", Outcome.PASSED, 0, false),
                result("g:core", "com.x.BTest", "fails", Outcome.FAILED, 2, false),
                result("g:app", "com.y.CTest", "wobbles", Outcome.PASSED, 1, true),
                result("g:app", "com.y.DTest", "", Outcome.SKIPPED_BY_SELECTION, 0, false));
        String md = JobSummary.markdown(
                "verify", true, "ran 3/4 test classes in 2 modules (safe), skipped 1 \u2014 est. 2s saved", tests);
        assertThat(md)
                .startsWith("### ARD \u2014 verify \u00b7 FAILURE\n")
                .contains("| Selection | ran 3/4 test classes in 2 modules (safe), skipped 1 \u2014 est. 2s saved |")
                .contains("| Tests | 3: 2 passed, 1 failed, 1 flaky |")
                .contains("| Modules | 2 |")
                .contains("**Failed** (1)")
                .contains("| g:core | com.x.BTest.fails | FAILED (AssertionFailedError) |")
                .contains("**Flaky \u2014 passed on a rerun** (1)")
                .contains("| g:app | com.y.CTest.wobbles | after 1 rerun |")
                .doesNotContain("DTest");
        assertThat(JobSummary.annotations(tests))
                .containsExactly(
                        "::warning title=ARD%3A flaky test com.y.CTest::g:app com.y.CTest.wobbles failed, then passed on rerun 1");
    }

    @Test
    void aQuarantinedFailureIsListedApartFromTheFailures() {
        List<TestResult> tests = List.of(
                result("g:core", "com.x.ATest", "ok", Outcome.PASSED, 0, false),
                new TestResult(
                        "g:core",
                        "surefire",
                        TestResult.QUARANTINE_EXECUTION_PREFIX + "default-test",
                        "com.x.QTest",
                        "flaps",
                        10,
                        Outcome.FAILED,
                        0,
                        false,
                        "java.lang.AssertionError",
                        null));
        String md = JobSummary.markdown("verify", false, null, tests);
        assertThat(md)
                .doesNotContain("**Failed**")
                .contains("**Quarantined \u2014 failed, did not fail the build** (1)")
                .contains("| g:core | com.x.QTest.flaps | FAILED (AssertionError) |");
    }

    @Test
    void missesThisBuildConfirmedAndRegressionsItStartedAreListedAndAnnotated() {
        dev.ard.core.telemetry.BuildRecord skipped = new dev.ard.core.telemetry.BuildRecord(
                "b1",
                java.time.Instant.parse("2026-11-01T10:00:00Z"),
                null,
                List.of("verify"),
                new dev.ard.core.telemetry.Checkout("/w", "abcdef0123456789", "feature/<x>|y", false),
                dev.ard.core.telemetry.CiRun.LOCAL,
                new dev.ard.core.telemetry.ToolVersions(null, null, null),
                dev.ard.core.telemetry.RecordedMode.SAFE,
                dev.ard.core.telemetry.BuildResult.SUCCESS);
        BuildInsight insight = new BuildInsight(
                List.of(new SelectionMisses.Miss(
                        skipped, skipped, "g:web", "com.x.CartTest", "no changed class reaches it")),
                List.of(new DurationRegressions.Regression(
                        "g:core", "com.x.SlowTest", 1200, 20, 4200, "b2", 1, 6, List.of())));
        List<TestResult> tests = List.of(result("g:core", "com.x.ATest", "ok", Outcome.PASSED, 0, false));

        String md = JobSummary.markdown("verify", true, null, tests, insight);

        assertThat(md)
                .contains("**Selection misses confirmed by this build** (1)")
                .contains("| g:web | com.x.CartTest | safe selection, build of abcdef0123 on feature/&lt;x&gt;\\|y:"
                        + " no changed class reaches it |")
                .contains("**Duration regressions starting with this build** (1)")
                .contains("| g:core | com.x.SlowTest | 1200 ms | 4200 ms |");
        assertThat(JobSummary.annotations(tests, insight))
                .containsExactly(
                        "::warning title=ARD%3A selection miss com.x.CartTest::g:web com.x.CartTest failed here;"
                                + " skipped earlier by safe selection, build of abcdef0123 on feature/<x>|y:"
                                + " no changed class reaches it",
                        "::warning title=ARD%3A slower test com.x.SlowTest::g:core com.x.SlowTest took 4200 ms,"
                                + " median before 1200 ms");
    }

    @Test
    void aCleanBuildWithoutSelectionHasNoLists() {
        String md = JobSummary.markdown(
                "verify", false, null, List.of(result("g:core", "com.x.ATest", "ok", Outcome.PASSED, 0, false)));
        assertThat(md)
                .contains("SUCCESS")
                .contains("| Tests | 1: 1 passed |")
                .doesNotContain("Selection")
                .doesNotContain("Failed")
                .doesNotContain("Flaky");
        assertThat(JobSummary.annotations(List.of())).isEmpty();
        assertThat(JobSummary.markdown("verify", false, null, List.of())).contains("| Tests | none ran |");
    }

    @Test
    void hostileNamesAreEscapedInCellsAndCommands() {
        String method = "x|`y`</script><img src=x onerror=alert(1)>\n::error::boom%0A";
        List<TestResult> tests = List.of(
                result("g:a", "com.Evil", method, Outcome.FAILED, 1, false),
                result("g:a", "com.Evil", method, Outcome.PASSED, 1, true));
        String md = JobSummary.markdown("verify", true, null, tests);
        assertThat(md)
                .contains("com.Evil.x\\|\\`y\\`&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; ::error::boom%0A")
                .doesNotContain("<script")
                .doesNotContain("<img");
        for (String line : md.split("\n")) {
            assertThat(line).doesNotStartWith("::");
        }
        List<String> commands = JobSummary.annotations(tests);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0))
                .doesNotContain("\n")
                .endsWith("failed, then passed on rerun 1")
                .contains("%0A::error::boom%250A");
    }

    @Test
    void longListsAreCut() {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < JobSummary.LISTED + 5; i++) {
            tests.add(
                    result("g:a", String.format(java.util.Locale.ROOT, "com.T%02d", i), "m", Outcome.FAILED, 0, false));
        }
        String md = JobSummary.markdown("verify", true, null, tests);
        assertThat(md)
                .contains("**Failed** (25)")
                .contains("\u2026 and 5 more")
                .contains("com.T19.m")
                .doesNotContain("com.T20.m");
    }
}
