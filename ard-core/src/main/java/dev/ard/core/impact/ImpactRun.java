package dev.ard.core.impact;

import dev.ard.core.impact.ChangeClassifier.Change;
import dev.ard.core.impact.ChangeClassifier.ModuleFileChange;
import dev.ard.core.impact.ChangeClassifier.OutsideChange;
import dev.ard.core.impact.ChangeClassifier.SourceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;

/**
 * One analysis: classify the changes, scan every classes directory into one graph, map changed
 * sources to changed classes, walk to the tests that use them.
 *
 * <p>Rules, in the words of the design: a changed source maps to its classes; a deleted source or a
 * {@code package-info}/{@code module-info} without classes changes nothing; any other source without
 * classes, and any non-class file of a module (pom.xml, resources, build files), makes that module,
 * the modules below its directory and every module depending on them run all their tests; a change
 * outside every module runs everything. An unreadable class directory or class file makes its own
 * module run all its tests.
 *
 * <p>With a base build's bytecode snapshots ({@link BytecodeBase}), the changed classes are those whose bytecode differs
 * from the base's instead of those the changed sources compile to ({@link BytecodeChanges}); the rules for non-class
 * changes, sources without classes and unreadable class files stay the same.
 */
final class ImpactRun {

    private final Path repoRoot;
    private final List<ModuleInfo> modules;
    private final ModuleOwnership ownership;
    private final ChangeClassifier classifier;
    private final ClassDirScanner scanner;
    private final boolean followInlinedConstants;
    private final BytecodeBase bytecodeBase;
    /** Changed method (as {@link CallGraph.Method#toString()}) → the path that changed it, for member-level reasons. */
    private final Map<String, String> memberPaths = new HashMap<>();
    /** The changed classes the member-level walk took (class → path). */
    private final Map<String, String> bodyChanged = new HashMap<>();
    /** Classes the walk sent to class level that did not change themselves (an override an outside caller may call). */
    private final Set<String> escalatedOthers = new HashSet<>();

    private final Map<String, String> runAll = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<Path, ClassDirScanner.DirScan> scans = new LinkedHashMap<>();
    private ScanStats stats = ScanStats.NONE;

    ImpactRun(
            Path repoRoot,
            List<ModuleInfo> modules,
            ChangeFilter ignored,
            ClassDirScanner scanner,
            boolean followInlinedConstants,
            BytecodeBase bytecodeBase) {
        this.repoRoot = repoRoot;
        this.bytecodeBase = bytecodeBase;
        this.modules = modules;
        this.ownership = new ModuleOwnership(modules);
        this.classifier = new ChangeClassifier(repoRoot, modules, ownership, ignored);
        this.scanner = scanner;
        this.followInlinedConstants = followInlinedConstants;
    }

    ImpactReport execute(Collection<String> changedPaths) {
        List<SourceChange> sources = new ArrayList<>();
        Map<String, List<LineSpans.Range>> lineRanges = new HashMap<>();
        for (String entry : new TreeSet<>(changedPaths)) {
            Map.Entry<String, LineSpans.Range> split = LineSpans.Range.split(entry);
            String raw = split.getKey();
            Change change = classifier.classify(raw);
            if (change instanceof SourceChange s) {
                if (lineRanges.containsKey(s.path())) {
                    lineRanges.get(s.path()).add(split.getValue());
                    continue;
                }
                lineRanges.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(split.getValue());
                sources.add(s);
            } else if (change instanceof ModuleFileChange f) {
                moduleAndDependents(f.module(), f.what() + " changed");
            } else if (change instanceof OutsideChange o) {
                modules.forEach(m -> runAll.putIfAbsent(m.id(), "change outside any module: " + o.path()));
            }
        }
        scanAll();
        BytecodeChanges bytecode = BytecodeChanges.against(bytecodeBase, analysed(), scans);
        // Compared as bytecode, a class that inlined a changed constant was recompiled and differs itself: the
        // constant-owner edges are only followed from the classes whose constants changed (see BytecodeChanges).
        ClassGraph graph = ClassGraph.of(scans.values(), followInlinedConstants && !bytecode.used());
        stats = new ScanStats(stats.classFiles(), stats.read(), stats.parsed(), stats.fromCache(), graph.size());
        Map<String, String> changedClasses = mapSources(sources);
        if (bytecode.used()) {
            // mapSources still ran: a source without classes keeps running its module (not compiled?)
            changedClasses = bytecode.changedClasses(changedClasses, repoRoot);
        }
        Map<String, List<String>> memberTests = bytecode.used()
                ? memberWalk(bytecode.bodiesOnly(), changedClasses)
                : memberLevel(sources, lineRanges, changedClasses);
        // reachedFrom gives a new map in the graph's order (the order reasons break ties in), which the cap below edits
        Map<String, ClassGraph.Hit> hits =
                changedClasses.isEmpty() ? new LinkedHashMap<>() : graph.reachedFrom(changedClasses);
        if (!bodyChanged.isEmpty()) {
            // Member level never selects more than class level would for the same change: a test the walk reaches
            // must depend on a changed class (class level's own assumption: no instance of a class outside a test's
            // dependencies, reflection aside, which the walk escalates), also where class-hierarchy analysis sends
            // a call such as Object.equals to every override.
            Set<String> classLevel = new HashSet<>();
            graph.reachedFrom(bodyChanged).keySet().forEach(c -> classLevel.add(graph.topLevel(c)));
            memberTests = new HashMap<>(memberTests);
            memberTests.keySet().removeIf(test -> !classLevel.contains(graph.topLevel(test)));
            hits.entrySet()
                    .removeIf(e -> escalatedOthers.contains(e.getValue().nearestChanged())
                            && !classLevel.contains(graph.topLevel(e.getKey())));
        }
        Map<String, Reason> reasons = reasonsByTopLevel(graph, hits, changedClasses);
        memberTests.forEach((test, via) -> reasons.putIfAbsent(
                graph.topLevel(test),
                new Reason(
                        via.get(via.size() - 1)
                                .substring(0, via.get(via.size() - 1).lastIndexOf('.')),
                        memberPaths.get(via.get(via.size() - 1)),
                        via.size() - 1,
                        1,
                        via)));

        Map<String, ModuleImpact> out = new LinkedHashMap<>();
        for (ModuleInfo m : modules) {
            List<String> tests = testClasses(scans.get(m.testClassesDir()));
            Map<String, Reason> affected = new TreeMap<>();
            for (String test : tests) {
                Reason r = reasons.get(test.replace('.', '/'));
                if (r != null) {
                    affected.put(test, r);
                }
            }
            out.putIfAbsent(m.id(), new ModuleImpact(m.id(), tests, affected, runAll.get(m.id())));
        }
        return new ImpactReport(out, warnings, bytecode.describe());
    }

    /**
     * Line-level changes ({@code path:from-to}) confined to method bodies become member-level: those classes leave
     * {@code changedClasses} and the tests that may call a changed method are returned (test → method path); what the
     * call graph cannot see goes back to {@code changedClasses}. Any doubt (a line outside every method, a class file
     * that cannot be read) keeps the file's classes at class level.
     */
    private Map<String, List<String>> memberLevel(
            List<SourceChange> sources, Map<String, List<LineSpans.Range>> lineRanges, Map<String, String> changed) {
        Map<String, Set<String>> bodies = new TreeMap<>();
        for (SourceChange s : sources) {
            List<LineSpans.Range> ranges = lineRanges.getOrDefault(s.path(), List.of());
            if (s.deleted() || ranges.isEmpty() || ranges.stream().anyMatch(LineSpans.Range::whole)) {
                continue;
            }
            Path dir = s.test() ? s.module().testClassesDir() : s.module().classesDir();
            List<String> classes = changed.entrySet().stream()
                    .filter(e -> e.getValue().equals(s.path()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (dir == null || classes.isEmpty()) {
                continue;
            }
            Map<String, List<String>> methods;
            try {
                methods = LineSpans.methods(dir, classes, ranges);
            } catch (IOException | RuntimeException e) {
                warnings.add("cannot map the changed lines of " + s.path() + " to methods (" + e + "): class level");
                continue;
            }
            if (methods == null) {
                continue; // a line outside every method body: the file's classes stay changed as a whole
            }
            // every class of the file changed only in these bodies; the walk takes them out of the class-level set
            classes.forEach(c -> bodies.computeIfAbsent(c, k -> new TreeSet<>()));
            methods.forEach((c, keys) -> bodies.get(c).addAll(keys));
        }
        return memberWalk(bodies, changed);
    }

    /**
     * The member-level walk for classes whose change is confined to the given method bodies (classes with no method
     * listed did not change at all): they leave {@code changed}, the tests that may call a changed method are returned
     * (test → method path), and what the call graph cannot see goes back to {@code changed} at class level.
     */
    private Map<String, List<String>> memberWalk(Map<String, Set<String>> bodies, Map<String, String> changed) {
        if (bodies.isEmpty()) {
            return Map.of();
        }
        Map<String, String> classPaths = new HashMap<>();
        bodies.keySet().forEach(c -> {
            String path = changed.remove(c);
            if (path != null) {
                classPaths.put(c, path);
            }
        });
        Set<String> tests = new HashSet<>();
        // each directory once, in reactor order (a class in two directories: the later one's type, as before)
        Map<Path, ClassDirScanner.DirScan> dirs = new LinkedHashMap<>();
        for (ModuleInfo m : analysed()) {
            for (Path dir : new Path[] {m.classesDir(), m.testClassesDir()}) {
                ClassDirScanner.DirScan scan = dir == null ? null : scans.get(dir);
                if (scan != null) {
                    dirs.put(dir, scan);
                }
            }
            testClasses(scans.get(m.testClassesDir())).forEach(t -> tests.add(t.replace('.', '/')));
        }
        CallGraph callGraph;
        try {
            // the scans hold every class's call data (parsed once in the scan, else from the graph cache)
            callGraph = CallGraph.of(dirs.values());
        } catch (IOException | RuntimeException e) {
            warnings.add("cannot build the call graph (" + e + "): the changed methods' classes count as changed");
            classPaths.forEach(changed::putIfAbsent);
            return Map.of();
        }
        MemberImpact.Result result = MemberImpact.of(callGraph, bodies, tests, reflective());
        bodies.forEach((c, keys) ->
                keys.forEach(k -> memberPaths.put(new CallGraph.Method(c, k).toString(), classPaths.get(c))));
        bodyChanged.putAll(classPaths);
        result.classLevel().keySet().forEach(c -> {
            if (!classPaths.containsKey(c)) {
                escalatedOthers.add(c);
            }
            changed.putIfAbsent(c, classPaths.getOrDefault(c, pathOfClass(c)));
        });
        return result.tests();
    }

    /** Classes named by a class-name string constant of another class or by a {@code META-INF/services} file. */
    private Set<String> reflective() {
        Set<String> out = new HashSet<>();
        for (ClassDirScanner.DirScan scan : scans.values()) {
            for (ClassNode n : scan.nodes().values()) {
                for (String s : n.strings()) {
                    if (!s.equals(n.name())) {
                        out.add(s);
                    }
                }
            }
            scan.services().values().forEach(out::addAll);
        }
        return out;
    }

    /** The path a reason names for a class the member-level walk sent back to class level without a changed file. */
    private String pathOfClass(String internalName) {
        return internalName.replace('/', '.') + " (its static initializer or an override reaches a changed method)";
    }

    /** The modules whose classes this analysis reads (the others only own paths). */
    private List<ModuleInfo> analysed() {
        return modules.stream()
                .filter(m -> m.classesDir() != null || m.testClassesDir() != null)
                .toList();
    }

    ScanStats stats() {
        return stats;
    }

    /**
     * Runs all tests of the module, of modules nested below it, and of every module depending on these;
     * {@code what} happened "in module X" / "in upstream module X".
     */
    private void moduleAndDependents(ModuleInfo module, String what) {
        runAll.putIfAbsent(module.id(), what + " in module " + module.id());
        List<ModuleInfo> nested = ownership.nestedUnder(module);
        nested.forEach(n -> runAll.putIfAbsent(n.id(), what + " in enclosing module " + module.id()));
        for (String dependent : ownership.dependentsOf(module.id())) {
            runAll.putIfAbsent(dependent, what + " in upstream module " + module.id());
        }
        for (ModuleInfo n : nested) {
            for (String dependent : ownership.dependentsOf(n.id())) {
                runAll.putIfAbsent(dependent, what + " in upstream module " + module.id());
            }
        }
    }

    private void fault(ModuleInfo module, String problem) {
        warnings.add("module " + module.id() + ": " + problem);
        runAll.putIfAbsent(module.id(), problem);
    }

    private void scanAll() {
        int files = 0;
        int read = 0;
        int parsed = 0;
        int reused = 0;
        for (ModuleInfo m : modules) {
            for (Path dir : new Path[] {m.classesDir(), m.testClassesDir()}) {
                if (dir == null || scans.containsKey(dir)) {
                    continue;
                }
                ClassDirScanner.DirScan scan = scanner.scan(dir);
                scans.put(dir, scan);
                files += scan.nodes().size();
                read += scan.read();
                parsed += scan.parsed();
                reused += scan.reused();
                if (scan.cacheProblem() != null) {
                    warnings.add(scan.cacheProblem());
                }
                for (String problem : scan.faults()) {
                    fault(m, problem);
                }
            }
        }
        stats = new ScanStats(files, read, parsed, reused, 0);
    }

    /** Changed class (internal name) → repo-relative path of the file that changed it. */
    private Map<String, String> mapSources(List<SourceChange> sources) {
        Map<Path, SourceMapper> mappers = new HashMap<>();
        Map<String, String> changed = new TreeMap<>();
        for (SourceChange s : sources) {
            ModuleInfo m = s.module();
            Path dir = s.test() ? m.testClassesDir() : m.classesDir();
            String fileName = s.relativeToRoot().substring(s.relativeToRoot().lastIndexOf('/') + 1);
            boolean descriptorOnly = fileName.equals("package-info.java") || fileName.equals("module-info.java");
            if (dir == null) {
                // Not analysed on purpose (the caller asks about other modules): no fault, but no precise answer.
                runAll.putIfAbsent(m.id(), "module " + m.id() + " not analysed");
                continue;
            }
            if (!Files.isDirectory(dir)) {
                if (!s.deleted() && !descriptorOnly) {
                    String problem = (s.test() ? "test classes" : "classes") + " directory " + display(dir)
                            + " missing: cannot map " + s.path() + " to classes";
                    warnings.add("module " + m.id() + ": " + problem);
                    moduleAndDependents(m, problem);
                }
                continue;
            }
            ClassDirScanner.DirScan scan = scans.get(dir);
            SourceMapper mapper = mappers.computeIfAbsent(
                    dir, d -> new SourceMapper(scan.nodes().values()));
            SourceMapper.Mapping mapping = mapper.map(s.relativeToRoot());
            if (!mapping.classes().isEmpty()) {
                mapping.classes().forEach(c -> changed.putIfAbsent(c, s.path()));
            } else if (mapping.ambiguous()) {
                moduleAndDependents(m, "cannot map " + s.path() + " to classes (same file name in several packages)");
            } else if (!s.deleted() && !descriptorOnly) {
                // A deleted file's users had to change too to compile; anything else is not compiled yet.
                moduleAndDependents(m, "cannot map " + s.path() + " to classes (not compiled?)");
            }
        }
        return changed;
    }

    /** Per top-level class reached: the smallest distance over itself and its nested classes. */
    private static Map<String, Reason> reasonsByTopLevel(
            ClassGraph graph, Map<String, ClassGraph.Hit> hits, Map<String, String> changedClasses) {
        Map<String, Reason> out = new HashMap<>();
        for (Map.Entry<String, ClassGraph.Hit> e : hits.entrySet()) {
            String top = graph.topLevel(e.getKey());
            ClassGraph.Hit hit = e.getValue();
            Reason old = out.get(top);
            int count = Math.max(hit.changedGroupsReaching(), old == null ? 0 : old.changedClassesReaching());
            if (old == null || hit.hops() < old.hops()) {
                out.put(
                        top,
                        new Reason(
                                hit.nearestChanged().replace('/', '.'),
                                changedClasses.get(hit.nearestChanged()),
                                hit.hops(),
                                count));
            } else if (count != old.changedClassesReaching()) {
                out.put(top, new Reason(old.changedClass(), old.changedPath(), old.hops(), count));
            }
        }
        return out;
    }

    /** Top-level, concrete classes of a test classes directory, dotted and sorted. */
    private static List<String> testClasses(ClassDirScanner.DirScan scan) {
        if (scan == null) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>();
        int notRunnable = Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_MODULE;
        for (ClassNode n : scan.nodes().values()) {
            if (!n.nested() && (n.access() & notRunnable) == 0 && !n.name().endsWith("package-info")) {
                out.add(n.name().replace('/', '.'));
            }
        }
        return List.copyOf(out);
    }

    private String display(Path dir) {
        if (dir == null) {
            return "(none)";
        }
        return dir.startsWith(repoRoot) ? repoRoot.relativize(dir).toString().replace('\\', '/') : dir.toString();
    }
}
