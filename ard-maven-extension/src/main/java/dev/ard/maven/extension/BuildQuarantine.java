package dev.ard.maven.extension;

import dev.ard.core.io.UntrustedText;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.selection.quarantine.QuarantineEntry;
import dev.ard.core.selection.quarantine.QuarantineFile;
import dev.ard.core.telemetry.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;

/**
 * One build's test quarantine (README "Quarantine"): the entries that apply, whether the quarantine executions were
 * added ({@link QuarantineInjector}), which classes of an execution are quarantined, and the warnings at the end of the
 * build for the quarantined classes that failed.
 */
final class BuildQuarantine {

    /** No quarantine in this build: every execution runs as without it. */
    static final BuildQuarantine OFF = new BuildQuarantine(Quarantine.NONE);

    private final Quarantine quarantine;

    private BuildQuarantine(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** A build with this quarantine whose executions are already in the model (tests). */
    static BuildQuarantine of(Quarantine quarantine) {
        return quarantine.isEmpty() ? OFF : new BuildQuarantine(quarantine);
    }

    /**
     * Reads the quarantine file (its warnings go to {@code log}) and, when some entry applies, adds the quarantine
     * executions to every project. The user who names tests ({@code -Dtest}, {@code -Dit.test}) wins: nothing is added.
     */
    static BuildQuarantine start(MavenSession session, Path root, ArdProperties properties, Logger log) {
        QuarantineFile.Loaded loaded =
                QuarantineFile.load(root, properties.quarantine(), LocalDate.now(ZoneOffset.UTC));
        loaded.warnings().forEach(warning -> log.warn("ARD: {}", warning));
        if (loaded.quarantine().isEmpty()) {
            return OFF;
        }
        if (TestSelectionStep.namedOnCommandLine(session)) {
            log.info("ARD: quarantine is off in this build: the tests were named (-Dtest / -Dit.test)");
            return OFF;
        }
        int added = 0;
        for (MavenProject project : session.getProjects()) {
            if (project.getModel().getBuild() != null) {
                added += QuarantineInjector.inject(
                        project.getModel().getBuild(), loaded.quarantine().patterns());
            }
        }
        log.debug(
                "ARD: {} quarantine entries, {} quarantine executions added",
                loaded.quarantine().entries().size(),
                added);
        return new BuildQuarantine(loaded.quarantine());
    }

    boolean active() {
        return !quarantine.isEmpty();
    }

    /** The execution is one ARD added to run the quarantined classes. */
    boolean runsQuarantine(MojoExecution execution) {
        return active() && QuarantineInjector.isQuarantineExecution(execution.getExecutionId());
    }

    /** The execution has a quarantine sibling, so it must leave the quarantined classes out. */
    boolean leavesOut(MavenProject project, MojoExecution execution) {
        if (!active() || QuarantineInjector.isQuarantineExecution(execution.getExecutionId())) {
            return false;
        }
        Plugin plugin = project.getPlugin(execution.getGroupId() + ":" + execution.getArtifactId());
        return plugin != null
                && plugin.getExecutionsAsMap()
                        .containsKey(QuarantineInjector.EXECUTION_PREFIX + execution.getExecutionId());
    }

    /**
     * The quarantined classes among those the execution would run: the top-level classes of its test-classes directory
     * that its include/exclude {@code filter} accepts and an entry names, sorted.
     */
    Set<String> classes(MojoParameters parameters, MavenProject project, TestClassFilter filter) throws IOException {
        Path dir = parameters.path("testClassesDirectory");
        if (dir == null) {
            dir = Path.of(project.getBuild().getTestOutputDirectory());
        }
        Set<String> classes = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return classes;
        }
        Path root = dir;
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name ->
                            filter.accepts(name) && quarantine.matches(name).isPresent())
                    .forEach(classes::add);
        }
        return classes;
    }

    /**
     * At the build's end: one warning per quarantined class that failed in a quarantine execution, e.g. {@code ARD:
     * quarantined com.example.NetworkTest failed (owner @alice, expires 2027-01-31: times out on CI runners); the build
     * does not fail for it}.
     */
    void report(List<TestResult> tests, Logger log) {
        Map<String, QuarantineEntry> failed = new TreeMap<>();
        for (TestResult test : tests) {
            if (test.quarantinedFailure()) {
                quarantine.matches(test.className()).ifPresent(entry -> failed.putIfAbsent(test.className(), entry));
            }
        }
        // no placeholders: the text is complete (and a "{}" in a reason stays as it is)
        failed.forEach((className, entry) -> log.warn(warning(className, entry)));
    }

    static String warning(String className, QuarantineEntry entry) {
        return "ARD: quarantined " + UntrustedText.clean(className) + " failed (" + entry.describe()
                + "); the build does not fail for it";
    }
}
