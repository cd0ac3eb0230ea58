package dev.ard.maven.extension;

import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.ImpactFact;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.SelectionEntry;
import dev.ard.core.telemetry.TestResult;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects what the build's threads record (mojo timings, test runs) until the session ends. Thread-safe. */
final class BuildRecorder {

    private final Queue<MojoTiming> mojos = new ConcurrentLinkedQueue<>();
    private final Queue<ModuleRun> moduleRuns = new ConcurrentLinkedQueue<>();
    private final Queue<TestResult> tests = new ConcurrentLinkedQueue<>();
    private final Queue<SelectionEntry> selections = new ConcurrentLinkedQueue<>();

    public void mojo(MojoTiming timing) {
        mojos.add(timing);
    }

    public void testRun(ModuleRun run, List<TestResult> results) {
        // Results first: a reader that sees the run also sees its tests.
        tests.addAll(results);
        moduleRuns.add(run);
    }

    /** One execution's selection decisions, and a {@code SKIPPED_BY_SELECTION} result per skipped class. */
    public void selection(List<SelectionEntry> decisions, List<TestResult> skipped) {
        tests.addAll(skipped);
        selections.addAll(decisions);
    }

    public List<SelectionEntry> selections() {
        return List.copyOf(selections);
    }

    public List<MojoTiming> mojos() {
        return List.copyOf(mojos);
    }

    public List<ModuleRun> moduleRuns() {
        return List.copyOf(moduleRuns);
    }

    public List<TestResult> tests() {
        return List.copyOf(tests);
    }

    /** Everything recorded, as one build. */
    public BuildTelemetry toTelemetry(BuildContext context, Instant finishedAt, BuildResult result) {
        return toTelemetry(context, finishedAt, result, context.mode());
    }

    /** Everything recorded, as one build that ran in {@code mode} (the mode in effect, known only once the build ran). */
    public BuildTelemetry toTelemetry(BuildContext context, Instant finishedAt, BuildResult result, RecordedMode mode) {
        return toTelemetry(context, finishedAt, result, mode, null, List.of());
    }

    /**
     * As {@link #toTelemetry(BuildContext, Instant, BuildResult, RecordedMode)}, for a build that ran {@code shard}
     * (or {@code null}), with the impact facts of its test classes.
     */
    public BuildTelemetry toTelemetry(
            BuildContext context,
            Instant finishedAt,
            BuildResult result,
            RecordedMode mode,
            String shard,
            List<ImpactFact> impacts) {
        return new BuildTelemetry(
                context.toRecord(finishedAt, result, mode, shard),
                context.git().changes(),
                List.copyOf(moduleRuns),
                List.copyOf(tests),
                List.copyOf(mojos),
                List.copyOf(selections),
                impacts);
    }
}
