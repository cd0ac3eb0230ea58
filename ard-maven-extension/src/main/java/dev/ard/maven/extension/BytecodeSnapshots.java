package dev.ard.maven.extension;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.GitState;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.snapshot.ModuleSnapshot;
import dev.ard.core.impact.snapshot.SnapshotStore;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.maven.support.ReactorLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;

/**
 * At the end of a build of a full branch, or of a green build of any branch, keeps a bytecode snapshot of every module
 * it compiled, keyed by commit, for a later build whose base is this commit to compare its classes with (see
 * {@code ImpactAnalyzer#analyze} with a {@code BytecodeBase}).
 *
 * <p>Only a clean work tree's classes are the classes of its commit, and only classes this build compiled are known to
 * be its own (not stale ones of another checkout), so a module is kept only when its {@code compile} and
 * {@code testCompile} both ran and succeeded here.
 */
final class BytecodeSnapshots {

    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin:";

    private BytecodeSnapshots() {}

    /** This ARD's version, which a snapshot must have been written by to be compared; {@code null} when unknown. */
    static String producer() {
        try {
            return ExtensionVersion.current();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Where snapshots live below the build root. */
    static Path dir(Path root) {
        return root.resolve(".ard").resolve("cache").resolve("bytecode");
    }

    /** Why this build keeps no snapshot, or {@code null} when it does. */
    static String notKept(GitState git, boolean fullBranch, boolean failed, boolean testsRan) {
        if (!git.available() || git.commit() == null || git.problem() != null) {
            return "no commit";
        }
        if (git.dirty()) {
            return "uncommitted changes";
        }
        if (!testsRan) {
            return "no tests ran";
        }
        if (failed && !fullBranch) {
            return "not green";
        }
        return null;
    }

    /**
     * Writes the snapshots (one per module compiled here) and prunes old commits; returns the modules written.
     * Problems are logged, never thrown: the next build then compares source files.
     */
    static List<String> write(
            List<MavenProject> projects,
            List<MojoTiming> mojos,
            ImpactAnalyzer analyzer,
            SnapshotStore store,
            String commit,
            String producer,
            Logger log) {
        Set<String> compiled = compiledModules(mojos);
        List<String> written = new ArrayList<>();
        for (MavenProject project : projects) {
            String module = ReactorLayout.moduleId(project);
            if (!compiled.contains(module) || project.getBuild() == null) {
                continue;
            }
            Optional<ModuleSnapshot> snapshot = analyzer.snapshot(
                    module,
                    Path.of(project.getBuild().getOutputDirectory()),
                    Path.of(project.getBuild().getTestOutputDirectory()),
                    commit,
                    producer);
            if (snapshot.isEmpty()) {
                log.debug("ARD: no bytecode snapshot of {}: a class file could not be read", module);
                continue;
            }
            String problem = store.write(snapshot.get());
            if (problem != null) {
                log.warn("ARD: {}", problem);
                return written;
            }
            written.add(module);
        }
        store.prune();
        log.debug("ARD: bytecode snapshots of {} modules kept for {}", written.size(), ChangeSet.shortSha(commit));
        return written;
    }

    /** Modules whose {@code compile} and {@code testCompile} both succeeded in this build. */
    static Set<String> compiledModules(List<MojoTiming> mojos) {
        Set<String> main = new HashSet<>();
        Set<String> test = new HashSet<>();
        Set<String> failed = new HashSet<>();
        for (MojoTiming m : mojos) {
            if (m.plugin() == null || !m.plugin().startsWith(COMPILER)) {
                continue;
            }
            if (!m.succeeded()) {
                failed.add(m.module());
            } else if ("compile".equals(m.goal())) {
                main.add(m.module());
            } else if ("testCompile".equals(m.goal())) {
                test.add(m.module());
            }
        }
        main.retainAll(test);
        main.removeAll(failed);
        return main;
    }
}
