package dev.ard.core.impact;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts one changed path into what it means for test selection: ignored, a source file of a module
 * (mapped to classes later), a non-class file of a module (its tests and its dependents' run in
 * full), or a file outside every module (everything runs).
 */
final class ChangeClassifier {

    /** Languages whose files compile to classes carrying a SourceFile attribute. */
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "groovy", "scala");

    sealed interface Change permits Ignored, SourceChange, ModuleFileChange, OutsideChange {
        String path();
    }

    record Ignored(String path) implements Change {}

    /**
     * @param relativeToRoot path below the source root, '/' separated
     * @param test           under a test source root
     * @param deleted        the file no longer exists
     */
    record SourceChange(String path, ModuleInfo module, String relativeToRoot, boolean test, boolean deleted)
            implements Change {}

    /** @param what how to name the file in a reason ("pom.xml", "resource core/src/main/resources/x") */
    record ModuleFileChange(String path, ModuleInfo module, String what) implements Change {}

    record OutsideChange(String path) implements Change {}

    private final Path repoRoot;
    private final List<ModuleInfo> modules;
    private final ModuleOwnership ownership;
    private final ChangeFilter ignored;

    ChangeClassifier(Path repoRoot, List<ModuleInfo> modules, ModuleOwnership ownership, ChangeFilter ignored) {
        this.repoRoot = repoRoot;
        this.modules = modules;
        this.ownership = ownership;
        this.ignored = ignored == null ? ChangeFilter.none() : ignored;
    }

    Change classify(String rawPath) {
        String path = ChangeFilter.normalize(rawPath);
        Path abs = repoRoot.resolve(path).normalize();
        if (abs.startsWith(repoRoot)) {
            path = repoRoot.relativize(abs).toString().replace('\\', '/'); // an absolute input path
        }
        if (ignored.matches(path)) {
            return new Ignored(path);
        }
        SourceChange source = sourceChange(path, abs);
        if (source != null) {
            return source;
        }
        ModuleInfo owner = ownership.owner(abs);
        if (owner == null) {
            return new OutsideChange(path);
        }
        return new ModuleFileChange(path, owner, describe(path, abs, owner));
    }

    /** The module source root (of any module: roots may lie outside the base directory) holding the file. */
    private SourceChange sourceChange(String path, Path abs) {
        if (!SOURCE_EXTENSIONS.contains(extension(abs))) {
            return null;
        }
        ModuleInfo bestModule = null;
        Path bestRoot = null;
        boolean bestTest = false;
        for (ModuleInfo m : modules) {
            for (int pass = 0; pass < 2; pass++) {
                for (Path root : pass == 0 ? m.mainSourceRoots() : m.testSourceRoots()) {
                    if (abs.startsWith(root) && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                        bestModule = m;
                        bestRoot = root;
                        bestTest = pass == 1;
                    }
                }
            }
        }
        if (bestModule == null) {
            return null;
        }
        String rel = bestRoot.relativize(abs).toString().replace('\\', '/');
        return new SourceChange(path, bestModule, rel, bestTest, !abs.toFile().exists());
    }

    private static String describe(String path, Path abs, ModuleInfo owner) {
        if (abs.equals(owner.baseDir().resolve("pom.xml"))) {
            return "pom.xml";
        }
        for (Path root : owner.mainResourceRoots()) {
            if (abs.startsWith(root)) {
                return "resource " + path;
            }
        }
        for (Path root : owner.testResourceRoots()) {
            if (abs.startsWith(root)) {
                return "test resource " + path;
            }
        }
        return path;
    }

    private static String extension(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
