package dev.ard.maven.extension;

import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.core.telemetry.TestResult;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects what the build's threads record (mojo timings, test runs) until the session ends. Thread-safe. */
public final class BuildRecorder {

    private final Queue<MojoTiming> mojos = new ConcurrentLinkedQueue<>();
    private final Queue<ModuleRun> moduleRuns = new ConcurrentLinkedQueue<>();
    private final Queue<TestResult> tests = new ConcurrentLinkedQueue<>();

    public void mojo(MojoTiming timing) {
        mojos.add(timing);
    }

    public void testRun(ModuleRun run, List<TestResult> results) {
        // Results first: a reader that sees the run also sees its tests.
        tests.addAll(results);
        moduleRuns.add(run);
    }

    public List<ModuleRun> moduleRuns() {
        return List.copyOf(moduleRuns);
    }

    public List<TestResult> tests() {
        return List.copyOf(tests);
    }

    /** Everything recorded, as one build. */
    public BuildTelemetry toTelemetry(BuildContext context, Instant finishedAt, String result) {
        return new BuildTelemetry(
                context.toRecord(finishedAt, result), context.git().changes(), List.copyOf(moduleRuns), List.copyOf(tests), List.copyOf(mojos));
    }
}
