package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.selection.quarantine.QuarantineEntry;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildQuarantineTest {

    private static final Quarantine QUARANTINE = new Quarantine(
            ".mvn/ard-quarantine.txt",
            List.of(
                    new QuarantineEntry(
                            "com.example.NetworkTest",
                            "@alice",
                            LocalDate.of(2027, 1, 31),
                            "times out on CI runners",
                            1),
                    new QuarantineEntry("com.example.*IT", "@bob", LocalDate.of(2027, 3, 1), "db\nrace", 2)));

    private static TestResult result(String execution, String className, String method, Outcome outcome) {
        return new TestResult("g:a", "surefire", execution, className, method, 1, outcome, 0, false, null, null);
    }

    @Test
    void oneWarningPerQuarantinedClassThatFailedInAQuarantineExecution() {
        RecordingLogger log = new RecordingLogger();
        BuildQuarantine.of(QUARANTINE)
                .report(
                        List.of(
                                result("ard-quarantine-default-test", "com.example.NetworkTest", "a", Outcome.FAILED),
                                result("ard-quarantine-default-test", "com.example.NetworkTest", "b", Outcome.ERROR),
                                result("ard-quarantine-default", "com.example.DbIT", "c", Outcome.ERROR),
                                result("ard-quarantine-default", "com.example.OkIT", "d", Outcome.PASSED),
                                // a failure outside a quarantine execution failed the build: not reported here
                                result("default-test", "com.example.OtherTest", "e", Outcome.FAILED)),
                        log.logger);

        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: quarantined com.example.DbIT failed (owner @bob, expires 2027-03-01: db\\nrace); the build"
                                + " does not fail for it",
                        "ARD: quarantined com.example.NetworkTest failed (owner @alice, expires 2027-01-31: times out on"
                                + " CI runners); the build does not fail for it");
        assertThat(log.lines).hasSize(2);
    }

    @Test
    void theSummaryLineCountsQuarantinedFailuresApart() {
        List<TestResult> tests = List.of(
                result("default-test", "com.example.OkTest", "a", Outcome.PASSED),
                result("ard-quarantine-default-test", "com.example.NetworkTest", "b", Outcome.FAILED),
                result("ard-quarantine-default-test", "com.example.NetworkTest", "c", Outcome.PASSED));
        assertThat(SummaryLine.recorded(
                        tests,
                        List.of(new ModuleRun("g:a", "surefire", "default-test", "reporter", 1, null)),
                        "db",
                        0,
                        null))
                .isEqualTo("ARD: recorded 3 tests (2 passed, 1 quarantined failed) in 1 module \u2192 db");
    }

    @Test
    void withoutEntriesThereIsNoQuarantine() {
        assertThat(BuildQuarantine.of(Quarantine.NONE).active()).isFalse();
        assertThat(BuildQuarantine.OFF.active()).isFalse();
    }
}
