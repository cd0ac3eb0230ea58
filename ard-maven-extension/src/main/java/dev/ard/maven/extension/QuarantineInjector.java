package dev.ard.maven.extension;

import dev.ard.core.telemetry.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Test quarantine in the model (docs/architecture.md §4, README "Quarantine"): next to every Surefire {@code test} and
 * Failsafe {@code integration-test} execution, an execution {@code ard-quarantine-<id>} of the same plugin and goal,
 * right after it in the same phase, that runs only the quarantined classes and ignores their failures.
 *
 * <p>Why a second execution: Surefire has no per-test "ignore this failure" switch, only {@code testFailureIgnore} for a
 * whole execution. So the original execution leaves the quarantined classes out (ARD adds them to its excludes file
 * at {@code MojoStarted}) and still fails for every other test, and this ARD-controlled execution runs just the
 * quarantined classes with {@code testFailureIgnore=true}. Its results are recorded under its own execution id.
 *
 * <p>Meant to be called for every project from {@code afterProjectsRead}, like {@link SbomInjector}: the model is final
 * then and the lifecycle plan not yet computed, so the added execution runs like one from the POM. The copy carries
 * the original's configuration (in the effective model it already holds the plugin-level configuration), plus:
 * <ul>
 *   <li>{@code test} = the quarantine's patterns (narrowed to the module's quarantined classes, after the original's
 *       includes/excludes and the selection, at {@code MojoStarted}; see {@link BuildQuarantine});
 *   <li>{@code testFailureIgnore=true}, {@code failIfNoSpecifiedTests=false} (a module without quarantined tests);
 *   <li>Failsafe: its own {@code summaryFile} under {@code target/ard/}, so the {@code verify} goal, which reads the
 *       default summary file, never sees the quarantined failures. The reports directory stays the default one.
 * </ul>
 * An execution that names its tests itself ({@code <test>} in the POM) gets no sibling: the user chose its tests.
 */
final class QuarantineInjector {

    /** Prefix of the added executions' ids; the rest is the original execution's id. */
    static final String EXECUTION_PREFIX = TestResult.QUARANTINE_EXECUTION_PREFIX;

    private QuarantineInjector() {}

    /** True for an execution this class added. */
    static boolean isQuarantineExecution(String executionId) {
        return executionId != null && executionId.startsWith(EXECUTION_PREFIX);
    }

    /**
     * Adds the quarantine executions to the project whose {@code build} this is; idempotent.
     *
     * @param patterns the quarantine's class patterns (not empty)
     * @return how many executions were added
     */
    static int inject(Build build, List<String> patterns) {
        int added = 0;
        for (Plugin plugin : build.getPlugins()) {
            Optional<TestGoal> goal = TestGoal.forPlugin(plugin.getGroupId(), plugin.getArtifactId());
            if (goal.isEmpty()) {
                continue;
            }
            List<PluginExecution> executions = new ArrayList<>();
            for (PluginExecution original : plugin.getExecutions()) {
                executions.add(original);
                if (original.getGoals().contains(goal.get().goal())
                        && !isQuarantineExecution(original.getId())
                        && !namesTests(original)
                        && !hasExecution(plugin, EXECUTION_PREFIX + original.getId())) {
                    executions.add(sibling(original, goal.get(), patterns));
                    added++;
                }
            }
            plugin.setExecutions(executions);
            plugin.flushExecutionMap();
        }
        return added;
    }

    private static boolean namesTests(PluginExecution execution) {
        Xpp3Dom configuration = (Xpp3Dom) execution.getConfiguration();
        Xpp3Dom test = configuration == null ? null : configuration.getChild("test");
        return test != null && test.getValue() != null && !test.getValue().isBlank();
    }

    private static boolean hasExecution(Plugin plugin, String id) {
        return plugin.getExecutions().stream().anyMatch(e -> id.equals(e.getId()));
    }

    private static PluginExecution sibling(PluginExecution original, TestGoal goal, List<String> patterns) {
        PluginExecution execution = new PluginExecution();
        execution.setId(EXECUTION_PREFIX + original.getId());
        // null: the goal's default phase, as for the original
        execution.setPhase(original.getPhase());
        execution.addGoal(goal.goal());
        execution.setInherited(original.getInherited());
        Xpp3Dom configuration = original.getConfiguration() == null
                ? new Xpp3Dom("configuration")
                : new Xpp3Dom((Xpp3Dom) original.getConfiguration());
        set(configuration, "test", String.join(",", patterns));
        set(configuration, "testFailureIgnore", "true");
        set(configuration, "failIfNoSpecifiedTests", "false");
        if (goal == TestGoal.FAILSAFE) {
            set(
                    configuration,
                    "summaryFile",
                    "${project.build.directory}/ard/failsafe-" + TestGoal.safeFileName(execution.getId())
                            + "-summary.xml");
        }
        execution.setConfiguration(configuration);
        return execution;
    }

    private static void set(Xpp3Dom configuration, String name, String value) {
        MojoParameters.setChild(configuration, name, value);
    }
}
