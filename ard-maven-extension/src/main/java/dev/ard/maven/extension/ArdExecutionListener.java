package dev.ard.maven.extension;

import java.time.Instant;
import java.util.Optional;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/**
 * Sees every mojo of one build, from every builder thread ({@code -T}): times it and hands
 * Surefire/Failsafe test executions to the {@link TestMojoInterceptor}. Never throws (see {@link Faults}).
 */
final class ArdExecutionListener extends AbstractExecutionListener {

    private final MojoTimer timer = new MojoTimer();
    private final BuildRecorder recorder;
    private final TestMojoInterceptor tests;
    private final Faults faults;

    ArdExecutionListener(
            BuildRecorder recorder, TestRunCollector collector, TestSelectionStep selection, Faults faults) {
        this.recorder = recorder;
        this.tests = new TestMojoInterceptor(collector, recorder, selection, faults);
        this.faults = faults;
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        Instant now = Instant.now();
        MojoExecution execution = event.getMojoExecution();
        MavenProject project = event.getProject();
        if (execution == null || project == null) {
            return;
        }
        faults.run("timing a mojo", () -> timer.started(execution, mojoOf(project, execution), now));
        testGoal(execution).ifPresent(goal -> {
            // Selection first: if it fails, every test runs and the reporter still records them.
            faults.run(
                    "selecting tests for " + goal.pluginName(),
                    () -> tests.select(event.getSession(), project, execution, goal));
            faults.run(
                    "setting up the ARD reporter for " + goal.pluginName(),
                    () -> tests.started(project, execution, goal, now));
        });
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        finished(event, true);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        // A failing test run fails its mojo: its results are the most valuable ones.
        finished(event, false);
    }

    private void finished(ExecutionEvent event, boolean succeeded) {
        Instant now = Instant.now();
        MojoExecution execution = event.getMojoExecution();
        MavenProject project = event.getProject();
        if (execution == null || project == null) {
            return;
        }
        long durationMs = faults.call(
                "timing a mojo",
                () -> {
                    Optional<dev.ard.core.telemetry.MojoTiming> timing = timer.finished(execution, now, succeeded);
                    timing.ifPresent(recorder::mojo);
                    return timing.map(dev.ard.core.telemetry.MojoTiming::durationMs)
                            .orElse(0L);
                },
                0L);
        if (testGoal(execution).isPresent()) {
            faults.run(
                    "collecting test results",
                    () -> tests.finished(event.getSession(), project, execution, durationMs));
        }
    }

    private static Optional<TestGoal> testGoal(MojoExecution execution) {
        return TestGoal.of(execution.getGroupId(), execution.getArtifactId(), execution.getGoal());
    }

    static String moduleOf(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    private static MojoTimer.Mojo mojoOf(MavenProject project, MojoExecution execution) {
        String plugin = execution.getGroupId() + ":" + execution.getArtifactId() + ":" + execution.getVersion();
        return new MojoTimer.Mojo(moduleOf(project), plugin, execution.getGoal(), execution.getExecutionId());
    }
}
