package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.ToolVersions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryPublisherTest {

    private static BuildTelemetry build(List<String> goals, List<ModuleRun> runs) {
        BuildRecord record = new BuildRecord("id", Instant.EPOCH, Instant.EPOCH, goals, Checkout.outsideGit("/r"), CiRun.LOCAL,
                new ToolVersions("3.9.16", "17", "linux"), RecordedMode.ALL, BuildResult.SUCCESS);
        return new BuildTelemetry(record, List.of(), runs, List.of(), List.of());
    }

    @Test
    void pluginGoalsWithoutTestsAreNotRecorded() {
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("ard:stats"), List.of()))).isTrue();
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("dependency:tree", "help:effective-pom"), List.of()))).isTrue();
    }

    @Test
    void lifecyclePhasesAndTestGoalsAreRecorded() {
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("verify"), List.of()))).isFalse();
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("clean", "dependency:tree"), List.of()))).isFalse();
        ModuleRun surefire = new ModuleRun("g:a", "surefire", "default-cli", "reporter", 10, null);
        assertThat(TelemetryPublisher.onlyToolGoals(build(List.of("surefire:test"), List.of(surefire)))).isFalse();
    }
}
