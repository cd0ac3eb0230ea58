package dev.ard.core.telemetry;

import java.util.List;

/** Everything recorded about one build; written to the store in one transaction. */
public record BuildTelemetry(
        BuildRecord build,
        List<Change> changes,
        List<ModuleRun> moduleRuns,
        List<TestResult> tests,
        List<MojoTiming> mojos,
        List<SelectionEntry> selections,
        List<ImpactFact> impacts) {

    public BuildTelemetry {
        changes = List.copyOf(changes);
        moduleRuns = List.copyOf(moduleRuns);
        tests = List.copyOf(tests);
        mojos = List.copyOf(mojos);
        // absent in spool files written before selection existed
        selections = selections == null ? List.of() : List.copyOf(selections);
        // absent in spool files written before impact facts existed
        impacts = impacts == null ? List.of() : List.copyOf(impacts);
    }

    /** A build without impact facts. */
    public BuildTelemetry(
            BuildRecord build,
            List<Change> changes,
            List<ModuleRun> moduleRuns,
            List<TestResult> tests,
            List<MojoTiming> mojos,
            List<SelectionEntry> selections) {
        this(build, changes, moduleRuns, tests, mojos, selections, List.of());
    }

    /** A build without selection decisions (mode {@code all}, or no test run). */
    public BuildTelemetry(
            BuildRecord build,
            List<Change> changes,
            List<ModuleRun> moduleRuns,
            List<TestResult> tests,
            List<MojoTiming> mojos) {
        this(build, changes, moduleRuns, tests, mojos, List.of(), List.of());
    }
}
