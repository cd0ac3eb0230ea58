package dev.ard.core.telemetry;

import java.util.List;

/**
 * Everything recorded about one build; written to the store in one transaction.
 *
 * @param savedMs the test time selection estimated it saved (the summary line's estimate; 0 when it skipped nothing),
 *                or {@code null} when unknown (then the report estimates it from the skipped rows)
 */
public record BuildTelemetry(
        BuildRecord build,
        List<Change> changes,
        List<ModuleRun> moduleRuns,
        List<TestResult> tests,
        List<MojoTiming> mojos,
        List<SelectionEntry> selections,
        List<ImpactFact> impacts,
        Long savedMs) {

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

    /** A build without a saved-time estimate. */
    public BuildTelemetry(
            BuildRecord build,
            List<Change> changes,
            List<ModuleRun> moduleRuns,
            List<TestResult> tests,
            List<MojoTiming> mojos,
            List<SelectionEntry> selections,
            List<ImpactFact> impacts) {
        this(build, changes, moduleRuns, tests, mojos, selections, impacts, null);
    }

    /** The same build with selection's saved-time estimate. */
    public BuildTelemetry withSavedMs(Long estimate) {
        return new BuildTelemetry(build, changes, moduleRuns, tests, mojos, selections, impacts, estimate);
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
