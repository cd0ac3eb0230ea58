package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.ModuleSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which test classes of which reactor module a change can affect, from the compiled classes
 * of every module (see {@link ImpactRun} for the rules). Never throws from {@link #analyze}: a problem
 * makes the modules concerned run all their tests and adds a warning line.
 *
 * <p>Thread-safe; one instance may serve a whole build.
 */
public final class ImpactAnalyzer {

    private final GraphCache cache;

    private final boolean followInlinedConstants;
    private volatile ScanStats lastScanStats = ScanStats.NONE;

    /** @param cacheDir where per-directory graph caches live (e.g. {@code <root>/.ard/cache/impact}); null = no cache */
    public ImpactAnalyzer(Path cacheDir) {
        this(cacheDir, true);
    }

    /**
     * @param cacheDir               as above
     * @param followInlinedConstants true (the safe default): a class that inlined a compile-time
     *                               constant ({@code static final} String or primitive) of a changed
     *                               class is affected, since the constant's value may be what changed.
     *                               false: such constant-only links are ignored, which selects fewer
     *                               tests but misses a test whose only tie to the change is an inlined
     *                               constant whose value changed
     */
    public ImpactAnalyzer(Path cacheDir, boolean followInlinedConstants) {
        this.cache = new GraphCache(
                cacheDir == null ? null : cacheDir.toAbsolutePath().normalize());
        this.followInlinedConstants = followInlinedConstants;
    }

    /**
     * @param repoRoot     the repository root; changed paths are relative to it
     * @param modules      the reactor modules, in reactor order
     * @param changedPaths repo-relative paths of changed files ('/' separated), deleted files included
     * @param ignored      changes that affect no test (docs, CI config…); may be null
     */
    public ImpactReport analyze(
            Path repoRoot, List<ModuleInfo> modules, Collection<String> changedPaths, ChangeFilter ignored) {
        return analyze(repoRoot, modules, changedPaths, ignored, null);
    }

    /**
     * As {@link #analyze(Path, List, Collection, ChangeFilter)}; with a base build's bytecode snapshots, the changed
     * classes are those whose bytecode differs from the base's (a comment-only edit changes none), else those the
     * changed source files compile to. Non-class changes count alike either way.
     *
     * @param base the base build's snapshots, or why there are none; {@code null}: source files, nothing to say
     */
    public ImpactReport analyze(
            Path repoRoot,
            List<ModuleInfo> modules,
            Collection<String> changedPaths,
            ChangeFilter ignored,
            BytecodeBase base) {
        List<ModuleInfo> usable = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path root = repoRoot == null ? null : repoRoot.toAbsolutePath().normalize();
        for (ModuleInfo m : modules == null ? List.<ModuleInfo>of() : modules) {
            if (m == null || m.id() == null || m.baseDir() == null) {
                warnings.add("impact analysis skipped a module without id or base directory: " + m);
            } else {
                usable.add(normalize(m, root));
            }
        }
        if (root == null) {
            return allRun(usable, "no repository root given to the impact analysis", warnings);
        }
        try {
            ImpactRun run = new ImpactRun(
                    root,
                    usable,
                    ignored == null ? ChangeFilter.none() : ignored,
                    new ClassDirScanner(cache),
                    followInlinedConstants,
                    base);
            ImpactReport report = run.execute(changedPaths == null ? List.of() : changedPaths);
            lastScanStats = run.stats();
            if (warnings.isEmpty()) {
                return report;
            }
            warnings.addAll(report.warnings());
            return new ImpactReport(report.modules(), warnings, report.changes());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A bug or a pathological input must not cost the user a test: run everything.
            String reason = "impact analysis failed: " + e;
            warnings.add(reason);
            return allRun(usable, reason, warnings);
        }
    }

    /**
     * The bytecode snapshot of one module's classes as they are now, for a later build to compare with; empty when a
     * class file cannot be read or parsed (a partial snapshot would hide that class's changes).
     */
    public Optional<ModuleSnapshot> snapshot(
            String module, Path classesDir, Path testClassesDir, String commit, String producer) {
        ClassDirScanner scanner = new ClassDirScanner(cache);
        ClassDirScanner.DirScan main = scanner.scan(classesDir);
        ClassDirScanner.DirScan test = scanner.scan(testClassesDir);
        if (!main.faults().isEmpty() || !test.faults().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModuleSnapshot(module, commit, producer, main.checksums(), test.checksums()));
    }

    /** Statistics of the last successful {@link #analyze} call (for benchmarks and cache tests). */
    public ScanStats lastScanStats() {
        return lastScanStats;
    }

    private static ImpactReport allRun(List<ModuleInfo> modules, String reason, List<String> warnings) {
        Map<String, ModuleImpact> out = new LinkedHashMap<>();
        for (ModuleInfo m : modules) {
            out.put(m.id(), new ModuleImpact(m.id(), List.of(), Map.of(), reason));
        }
        return new ImpactReport(out, warnings);
    }

    /** Absolute, normalized paths (relative ones taken from the repository root) so prefixes compare. */
    private static ModuleInfo normalize(ModuleInfo m, Path root) {
        return new ModuleInfo(
                m.id(),
                abs(m.baseDir(), root),
                abs(m.mainSourceRoots(), root),
                abs(m.testSourceRoots(), root),
                abs(m.mainResourceRoots(), root),
                abs(m.testResourceRoots(), root),
                abs(m.classesDir(), root),
                abs(m.testClassesDir(), root),
                m.dependsOn());
    }

    private static Path abs(Path p, Path root) {
        if (p == null) {
            return null;
        }
        return (root != null && !p.isAbsolute() ? root.resolve(p) : p.toAbsolutePath()).normalize();
    }

    private static List<Path> abs(List<Path> paths, Path root) {
        return paths.stream().filter(p -> p != null).map(p -> abs(p, root)).toList();
    }
}
