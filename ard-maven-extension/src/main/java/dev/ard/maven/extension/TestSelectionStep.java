package dev.ard.maven.extension;

import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionFile;
import dev.ard.core.selection.ShardedSelection;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.TestSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the build's selection to one Surefire/Failsafe execution at {@code MojoStarted}: gathers the
 * execution's candidate filter, lets the build's {@link dev.ard.core.selection.ReactorSelection} decide per test class,
 * writes the execution's excludes file and points the execution at it, and records every decision.
 * Steps aside when the user named tests ({@code -Dtest}, {@code -Dit.test}) or the execution is skipped.
 */
final class TestSelectionStep {

    private static final Logger LOG = LoggerFactory.getLogger(TestSelectionStep.class);

    private final BuildSelection build;
    private final BuildRecorder recorder;
    private final BuildQuarantine quarantine;

    TestSelectionStep(BuildSelection build, BuildRecorder recorder) {
        this(build, recorder, BuildQuarantine.OFF);
    }

    TestSelectionStep(BuildSelection build, BuildRecorder recorder, BuildQuarantine quarantine) {
        this.build = build;
        this.recorder = recorder;
        this.quarantine = quarantine;
    }

    void apply(MavenSession session, MavenProject project, MojoExecution execution, TestGoal goal) throws IOException {
        MojoParameters parameters = new MojoParameters(session, project, execution);
        Path record = SelectionFile.in(Path.of(project.getBuild().getDirectory()));
        if (!build.hasRecorded(ArdExecutionListener.moduleOf(project))) {
            Files.deleteIfExists(record); // a previous build's record must not describe this one
        }
        boolean runsQuarantine = quarantine.runsQuarantine(execution);
        if (!runsQuarantine && (parameters.string("test") != null || namedOnCommandLine(session))) {
            // The user chose the tests (-Dtest / -Dit.test, or <test> in the pom): ARD steps aside for the whole build,
            // Failsafe included, and the build never serves as a green base. A quarantine execution's <test> is ARD's.
            build.userChoseTests();
            LOG.debug("ARD: the tests were named (test / it.test), ARD steps aside for {}", goal.pluginName());
            return;
        }
        if (skipped(parameters, goal)) {
            return;
        }
        TestClassFilter filter = filter(parameters, goal);
        // The quarantined classes this execution would run: the quarantine execution runs only them, the original
        // execution leaves them out (docs/architecture.md §4, Quarantine).
        Set<String> quarantined = runsQuarantine || quarantine.leavesOut(project, execution)
                ? quarantine.classes(parameters, project, filter)
                : Set.of();
        Predicate<String> candidate = runsQuarantine
                ? c -> filter.accepts(c) && quarantined.contains(c)
                : c -> filter.accepts(c) && !quarantined.contains(c);
        build.candidates(session, ArdExecutionListener.moduleOf(project), filter);
        ShardedSelection sharded = build.sharded();
        if (!(build.basis() instanceof SelectionBasis.Select) && sharded == null) {
            // every test runs; the summary line says why
            if (runsQuarantine) {
                runOnly(parameters, quarantined);
            } else if (!quarantined.isEmpty()) {
                exclude(parameters, project, execution, goal, quarantined, List.of());
                // a module whose only tests are quarantined runs none here: ARD's doing, not the project's failure
                parameters.set("failIfNoTests", "false");
            }
            return;
        }
        String module = ArdExecutionListener.moduleOf(project);
        TestSelection selection = build.reactorSelection(session).select(module, candidate);
        if (sharded != null) {
            // the key names the execution alike in every shard of the run (see ShardedSelection)
            selection = sharded.narrow(selection, module + " " + goal.pluginName() + " " + execution.getExecutionId());
        }
        if (runsQuarantine) {
            // Surefire ignores excludes (and excludesFile) once <test> is set: the selection narrows <test> instead.
            runOnly(parameters, selection.selected());
        } else if (!selection.skipped().isEmpty() || !quarantined.isEmpty()) {
            Set<String> left = new LinkedHashSet<>(selection.skipped());
            left.addAll(quarantined);
            exclude(parameters, project, execution, goal, left, selection.selected());
            if (selection.selected().isEmpty()) {
                // Zero tests is ARD's doing here, not the project's: failIfNoTests must not turn it into a failure.
                parameters.set("failIfNoTests", "false");
            }
        }
        build.record(goal, execution.getExecutionId(), selection, recorder);
        build.selectionFile(module).write(record);
        if (build.properties().explain()) {
            explain(module, selection);
        }
    }

    /**
     * Points a quarantine execution at exactly these classes (fully qualified names, which Surefire's {@code test}
     * accepts); none of them in this module, or none selected, skips it.
     */
    private static void runOnly(MojoParameters parameters, Collection<String> classes) {
        if (classes.isEmpty()) {
            parameters.set("skipTests", "true");
        } else {
            parameters.set("test", String.join(",", classes));
        }
    }

    static boolean namedOnCommandLine(MavenSession session) {
        Properties user = session.getUserProperties();
        return user != null && (isSet(user.getProperty("test")) || isSet(user.getProperty("it.test")));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean skipped(MojoParameters parameters, TestGoal goal) {
        if (parameters.isTrue("skip") || parameters.isTrue("skipTests") || parameters.isTrue("skipExec")) {
            return true;
        }
        return goal == TestGoal.FAILSAFE && parameters.isTrue("skipITs");
    }

    private static TestClassFilter filter(MojoParameters parameters, TestGoal goal) {
        List<String> includes = parameters.list("includes");
        if (includes.isEmpty() && parameters.value("includesFile") == null) {
            includes =
                    goal == TestGoal.FAILSAFE ? TestClassFilter.FAILSAFE_INCLUDES : TestClassFilter.SUREFIRE_INCLUDES;
        } else if (includes.isEmpty()) {
            includes = List.of("%regex[.*]"); // an includes file this filter does not read: every class is a candidate
        }
        List<String> excludes = parameters.list("excludes");
        if (excludes.isEmpty() && parameters.value("excludesFile") == null) {
            excludes = List.of(TestClassFilter.DEFAULT_EXCLUDE);
        }
        return new TestClassFilter(includes, excludes);
    }

    private static void exclude(
            MojoParameters parameters,
            MavenProject project,
            MojoExecution execution,
            TestGoal goal,
            Collection<String> leftOut,
            Collection<String> selected)
            throws IOException {
        Path userFile = parameters.path("excludesFile");
        boolean userExcludes = !parameters.list("excludes").isEmpty();
        Path file = Path.of(project.getBuild().getDirectory())
                .resolve("ard")
                .resolve(goal.pluginName() + "-" + TestGoal.safeFileName(execution.getExecutionId()) + "-excludes.txt");
        ExcludesFile.write(file, ExcludesFile.lines(userFile, userExcludes, leftOut, selected));
        parameters.set("excludesFile", file.toAbsolutePath().toString());
    }

    private static void explain(String module, TestSelection selection) {
        for (TestDecision decision : selection.decisions()) {
            LOG.info(
                    "ARD: {} {} {} \u2190 {}",
                    module,
                    decision.selected() ? "runs " : "skips",
                    decision.className(),
                    decision.reason());
        }
    }
}
