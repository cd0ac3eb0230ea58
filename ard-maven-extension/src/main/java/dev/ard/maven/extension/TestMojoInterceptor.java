package dev.ard.maven.extension;

import dev.ard.core.telemetry.ModuleRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Surefire/Failsafe test executions of one build: at start, points the execution at ARD's reporter
 * (when it can be used); at the end, collects the results into the {@link BuildRecorder}. Thread-safe.
 */
final class TestMojoInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TestMojoInterceptor.class);

    private final TestRunCollector collector;
    private final BuildRecorder recorder;
    private final Map<IdentityKey, PendingTestRun> pending = new ConcurrentHashMap<>();
    private final TestSelectionStep selection;

    private final Faults faults;

    TestMojoInterceptor(
            TestRunCollector collector, BuildRecorder recorder, TestSelectionStep selection, Faults faults) {
        this.collector = collector;
        this.recorder = recorder;
        this.selection = selection;
        this.faults = faults;
    }

    /** At {@code MojoStarted}: narrows the execution to the selected test classes (see {@link TestSelectionStep}). */
    void select(MavenSession session, MavenProject project, MojoExecution execution, TestGoal goal) throws IOException {
        if (selection != null) {
            selection.apply(session, project, execution, goal);
        }
    }

    /**
     * At {@code MojoStarted}, which fires before Maven configures the mojo, so a configuration change
     * made here is what the mojo sees.
     */
    void started(MavenProject project, MojoExecution execution, TestGoal goal, Instant at) throws IOException {
        String module = ArdExecutionListener.moduleOf(project);
        ReporterInjection.Decision decision = ReporterInjection.decide(
                goal.pluginName(),
                execution.getVersion(),
                execution.getConfiguration(),
                execution.getPlugin().getDependencies());
        Path resultsFile = null;
        String note = decision.note();
        if (decision.useReporter()) {
            Path file = goal.resultsFile(Path.of(project.getBuild().getDirectory()), execution.getExecutionId());
            try {
                prepare(file);
                execution.setConfiguration(ReporterInjection.withReporter(execution.getConfiguration(), file));
                resultsFile = file;
                LOG.debug("ARD: {} {} ({}) reports to {}", module, goal.goal(), execution.getExecutionId(), file);
            } catch (IOException e) {
                // A stale file would be counted twice: without a clean results file, use the XML reports.
                note = "cannot prepare ARD results file (" + Faults.cause(e) + ")";
                pending.put(
                        new IdentityKey(execution),
                        new PendingTestRun(goal, module, execution.getExecutionId(), at, null, note));
                faults.report("preparing " + file.getFileName(), e, "reading TEST-*.xml reports instead");
                return;
            }
        } else {
            LOG.debug("ARD: {} {} ({}) reads TEST-*.xml: {}", module, goal.goal(), execution.getExecutionId(), note);
        }
        pending.put(
                new IdentityKey(execution),
                new PendingTestRun(goal, module, execution.getExecutionId(), at, resultsFile, note));
    }

    /** The reporter only appends: remove what an earlier build left (results and failure marker). */
    private static void prepare(Path resultsFile) throws IOException {
        Files.createDirectories(resultsFile.getParent());
        Files.deleteIfExists(resultsFile);
        Files.deleteIfExists(TestGoal.failedMarker(resultsFile));
    }

    /** At {@code MojoSucceeded}/{@code MojoFailed}: collects what the run left behind. */
    void finished(MavenSession session, MavenProject project, MojoExecution execution, long durationMs)
            throws IOException {
        PendingTestRun run = pending.remove(new IdentityKey(execution));
        if (run == null) {
            return; // started before ARD was registered, or its start failed (already reported)
        }
        Path reportsDir = reportsDirectory(session, project, execution, run.goal());
        TestRunCollector.Collected collected;
        try {
            collected = collector.collect(run, reportsDir, durationMs);
        } catch (IOException | RuntimeException e) {
            // Keep the run in the build record (it happened, its results are unknown); the caller warns.
            recorder.testRun(
                    new ModuleRun(
                            run.module(),
                            run.goal().pluginName(),
                            run.executionId(),
                            TestRunCollector.SOURCE_NONE,
                            durationMs,
                            "collecting results failed: " + Faults.cause(e)),
                    List.of());
            throw e;
        }
        recorder.testRun(collected.run(), collected.results());
        if (collected.reporterProblem() != null) {
            faults.report(
                    "using ARD's Surefire reporter", collected.reporterProblem(), "read TEST-*.xml reports instead");
        }
        LOG.debug(
                "ARD: {} {} ({}): {} results from {}",
                run.module(),
                run.goal().goal(),
                run.executionId(),
                collected.results().size(),
                collected.run().source());
    }

    /**
     * The execution's {@code reportsDirectory}: its configured value or default-value expression, evaluated as Maven
     * would; the plugin default when it cannot be evaluated.
     */
    static Path reportsDirectory(MavenSession session, MavenProject project, MojoExecution execution, TestGoal goal) {
        Path configured = new MojoParameters(session, project, execution).path("reportsDirectory");
        return configured != null
                ? configured
                : goal.defaultReportsDirectory(Path.of(project.getBuild().getDirectory()));
    }
}
