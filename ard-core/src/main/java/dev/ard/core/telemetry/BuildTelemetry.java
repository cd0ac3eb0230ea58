package dev.ard.core.telemetry;

import java.util.List;

/** Everything recorded about one build; written to the store in one transaction. */
public record BuildTelemetry(
        BuildRecord build, List<Change> changes, List<ModuleRun> moduleRuns, List<TestResult> tests, List<MojoTiming> mojos) {

    public BuildTelemetry {
        changes = List.copyOf(changes);
        moduleRuns = List.copyOf(moduleRuns);
        tests = List.copyOf(tests);
        mojos = List.copyOf(mojos);
    }
}
