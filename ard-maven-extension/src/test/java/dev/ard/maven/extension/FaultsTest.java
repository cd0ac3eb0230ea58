package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void aFailureIsOneWarnLineAndTheStackTraceAtDebug() {
        Faults faults = new Faults(log.logger, false);
        IOException cause = new IOException("disk full");

        faults.run("writing telemetry", () -> {
            throw cause;
        });

        assertThat(log.at("warn")).containsExactly("ARD: writing telemetry failed: disk full");
        assertThat(log.lines).anyMatch(l -> l.level().equals("debug") && l.thrown() == cause);
    }

    @Test
    void theSameFailureWarnsOncePerBuild() {
        Faults faults = new Faults(log.logger, false);

        for (int i = 0; i < 3; i++) {
            faults.run("collecting test results", () -> {
                throw new UnsupportedOperationException("not implemented yet");
            });
        }
        faults.run("timing a mojo", () -> {
            throw new IllegalStateException();
        });

        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: collecting test results failed: UnsupportedOperationException: not implemented yet",
                        "ARD: timing a mojo failed: IllegalStateException");
    }

    @Test
    void callReturnsTheFallbackOnFailure() {
        Faults faults = new Faults(log.logger, false);

        String value = faults.call(
                "reading the Maven version",
                () -> {
                    throw new NoSuchMethodError("RuntimeInformation.getMavenVersion()");
                },
                "fallback");

        assertThat(value).isEqualTo("fallback");
        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: reading the Maven version failed: NoSuchMethodError: RuntimeInformation.getMavenVersion()");
    }

    @Test
    void callReturnsTheValue() {
        assertThat(new Faults(log.logger, false).call("x", () -> "v", "fallback"))
                .isEqualTo("v");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void strictRethrowsWithTheSameLine() {
        Faults faults = new Faults(log.logger, true);

        assertThatThrownBy(() -> faults.run("inspecting git", () -> {
                    throw new IOException("not a repository");
                }))
                .isInstanceOf(Faults.StrictFailure.class)
                .hasMessage("ARD: inspecting git failed: not a repository");
        assertThatThrownBy(() -> faults.problem("ARD: telemetry not stored (x)"))
                .isInstanceOf(Faults.StrictFailure.class)
                .hasMessage("ARD: telemetry not stored (x)");
    }

    @Test
    void strictFailureOfAnInnerStepIsNotReportedTwice() {
        Faults faults = new Faults(log.logger, true);

        assertThatThrownBy(() -> faults.run(
                        "starting",
                        () -> faults.run("inner", () -> {
                            throw new IOException("boom");
                        })))
                .isInstanceOf(Faults.StrictFailure.class)
                .hasMessage("ARD: inner failed: boom");
        assertThat(log.at("warn")).containsExactly("ARD: inner failed: boom");
    }

    @Test
    void consequenceIsAppended() {
        new Faults(log.logger, false)
                .report(
                        "resolving dev.ard:ard-surefire-reporter:1",
                        new IOException("offline"),
                        "reading TEST-*.xml reports instead");

        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: resolving dev.ard:ard-surefire-reporter:1 failed: offline; reading TEST-*.xml reports instead");
    }

    @Test
    void aProblemWithoutExceptionFollowsTheSameRules() {
        Faults lenient = new Faults(log.logger, false);
        lenient.report("using ARD's Surefire reporter", "marker found", "read TEST-*.xml reports instead");
        lenient.report("using ARD's Surefire reporter", "marker found again", "read TEST-*.xml reports instead");

        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: using ARD's Surefire reporter failed: marker found; read TEST-*.xml reports instead");
        assertThatThrownBy(() -> new Faults(log.logger, true).report("x", "y", null))
                .isInstanceOf(Faults.StrictFailure.class)
                .hasMessage("ARD: x failed: y");
    }

    @Test
    void causeIsOneLineAndUnwrapsMessagelessWrappers() {
        assertThat(Faults.cause(new IOException("first line\n\tat second"))).isEqualTo("first line");
        assertThat(Faults.cause(new ExecutionException(new IOException("real cause"))))
                .isEqualTo("real cause");
        assertThat(Faults.cause(new RuntimeException(new IllegalArgumentException("bad url"))))
                .isEqualTo("IllegalArgumentException: bad url");
    }
}
