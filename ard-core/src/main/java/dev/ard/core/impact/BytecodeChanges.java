package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.ClassChange;
import dev.ard.core.impact.snapshot.ClassChecksum;
import dev.ard.core.impact.snapshot.ModuleSnapshot;
import dev.ard.core.impact.snapshot.SnapshotDiff;
import dev.ard.core.impact.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The changed classes of one analysis as the bytecode shows them: every analysed module's classes against the base
 * build's snapshot of the same module. All or nothing: one module without a usable snapshot (missing, corrupt, another
 * ARD version, another compiler target) and the whole analysis sees the changes in source files, with that reason. A
 * mix would be unsafe: the bytecode side no longer follows inlined-constant links that the source side needs.
 */
final class BytecodeChanges {

    /** A class change and the classes directory it was found in. */
    private record Found(ClassChange change, Path dir) {}

    private final String commit;
    private final String fallback;
    private final List<Found> found;
    private final Map<Path, ClassDirScanner.DirScan> scans;

    private BytecodeChanges(
            String commit, String fallback, List<Found> found, Map<Path, ClassDirScanner.DirScan> scans) {
        this.commit = commit;
        this.fallback = fallback;
        this.found = found;
        this.scans = scans;
    }

    private static BytecodeChanges source(String reason) {
        return new BytecodeChanges(null, reason, List.of(), Map.of());
    }

    /**
     * @param base     the base build's snapshots, or {@code null} (no comparison asked for)
     * @param analysed the modules whose classes were scanned
     * @param scans    the scans by classes directory
     */
    static BytecodeChanges against(
            BytecodeBase base, List<ModuleInfo> analysed, Map<Path, ClassDirScanner.DirScan> scans) {
        if (base == null) {
            return source(null);
        }
        if (base.unavailable() != null) {
            return source(base.unavailable());
        }
        List<Found> found = new ArrayList<>();
        for (ModuleInfo m : analysed) {
            Map<String, ClassChecksum> main = checksums(scans, m.classesDir());
            Map<String, ClassChecksum> test = checksums(scans, m.testClassesDir());
            SnapshotStore.Loaded loaded = base.snapshot(m.id());
            ModuleSnapshot then = loaded.snapshot();
            if (then == null && main.isEmpty() && test.isEmpty()) {
                // a module without classes (a parent pom) compiles nothing and keeps no snapshot: no class of it can
                // have changed (a removed class changes nothing by itself)
                continue;
            }
            if (then == null) {
                return source(loaded.problem());
            }
            int now = Math.max(major(main), major(test));
            if (now != 0 && then.major() != 0 && now != then.major()) {
                return source("bytecode snapshot of " + m.id() + " at " + SnapshotStore.shortSha(base.commit())
                        + " is of class file version " + then.major() + ", this build's " + now);
            }
            if (m.classesDir() != null) {
                SnapshotDiff.diff(then.main(), main).forEach(c -> found.add(new Found(c, m.classesDir())));
            }
            if (m.testClassesDir() != null) {
                SnapshotDiff.diff(then.test(), test).forEach(c -> found.add(new Found(c, m.testClassesDir())));
            }
        }
        return new BytecodeChanges(base.commit(), null, found, scans);
    }

    boolean used() {
        return commit != null;
    }

    /** {@code bytecode vs 1a2b3c4d5e}, {@code source files}, or {@code source files (<why not bytecode>)}. */
    String describe() {
        if (used()) {
            return "bytecode vs " + SnapshotStore.shortSha(commit);
        }
        return fallback == null ? ImpactReport.SOURCE_FILES : ImpactReport.SOURCE_FILES + " (" + fallback + ")";
    }

    /**
     * Changed class (internal name) → the path a reason names: the changed source file that maps to it when there is
     * one, else its class file. A removed class changes nothing by itself (whatever used it changed too to compile).
     * A class whose compile-time constant changed also changes every class that inlined one of its constants: javac
     * recompiles those and their bytecode differs, but a build that did not recompile them (an incremental compile)
     * would hide that, and following these few links costs little.
     */
    Map<String, String> changedClasses(Map<String, String> sourceMapped, Path repoRoot) {
        Map<String, String> out = new TreeMap<>();
        Map<String, String> constantOwners = new TreeMap<>();
        for (Found f : found) {
            ClassChange c = f.change();
            String path = sourceMapped.getOrDefault(c.name(), classFile(f.dir(), c.name(), repoRoot));
            if (c.constantChanged()) {
                constantOwners.putIfAbsent(c.name(), path);
            }
            if (c.kind() != ClassChange.Kind.REMOVED) {
                out.putIfAbsent(c.name(), path);
            }
        }
        if (!constantOwners.isEmpty()) {
            for (ClassDirScanner.DirScan scan : scans.values()) {
                for (ClassNode n : scan.nodes().values()) {
                    for (String owner : n.constantOwners()) {
                        String path = constantOwners.get(owner);
                        if (path != null) {
                            out.putIfAbsent(n.name(), path);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The classes whose change is confined to the bodies of methods they had before and have now (same header, same
     * fields, same methods, no constant), with those methods' keys ({@code name + descriptor}): the member-level walk
     * decides who may call them. Every other change stays class-level.
     */
    Map<String, Set<String>> bodiesOnly() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Found f : found) {
            ClassChange c = f.change();
            if (c.kind() == ClassChange.Kind.CHANGED && c.bodiesOnly() && !c.constantChanged()) {
                Set<String> keys = new TreeSet<>();
                for (String m : c.members()) {
                    String[] p = m.split(" ", 3); // "M name descriptor"
                    keys.add(p[1] + p[2]);
                }
                out.put(c.name(), keys);
            }
        }
        return out;
    }

    private static Map<String, ClassChecksum> checksums(Map<Path, ClassDirScanner.DirScan> scans, Path dir) {
        ClassDirScanner.DirScan scan = dir == null ? null : scans.get(dir);
        return scan == null ? Map.of() : scan.checksums();
    }

    private static int major(Map<String, ClassChecksum> classes) {
        int max = 0;
        for (ClassChecksum c : classes.values()) {
            max = Math.max(max, c.major());
        }
        return max;
    }

    private static String classFile(Path dir, String name, Path repoRoot) {
        Path file = dir.resolve(name + ".class");
        return file.startsWith(repoRoot) ? repoRoot.relativize(file).toString().replace('\\', '/') : file.toString();
    }
}
