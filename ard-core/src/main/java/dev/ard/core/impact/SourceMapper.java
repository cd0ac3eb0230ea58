package dev.ard.core.impact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a source file to the classes compiled from it, by package directory and SourceFile attribute:
 * {@code com/x/Foo.java} → every class of package {@code com/x} whose SourceFile is {@code Foo.java},
 * which covers several top-level classes in one file and all inner, local and anonymous classes.
 * When nothing matches by package (Kotlin and Groovy need not follow the directory layout) a
 * SourceFile that occurs in exactly one package of the directory is taken (not for Java files).
 */
final class SourceMapper {

    /** Classes of one source file, or why none could be chosen. */
    record Mapping(List<String> classes, boolean ambiguous) {}

    private final Map<String, List<String>> byPackageAndFile = new HashMap<>();
    private final Map<String, List<ClassNode>> byFile = new HashMap<>();

    SourceMapper(Collection<ClassNode> nodes) {
        for (ClassNode n : nodes) {
            String file = n.sourceFileOrGuess();
            byPackageAndFile
                    .computeIfAbsent(n.packageDir() + '/' + file, k -> new ArrayList<>())
                    .add(n.name());
            byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(n);
        }
    }

    /** @param relativeToRoot the file's path below its source root, '/' separated ({@code com/x/Foo.java}) */
    Mapping map(String relativeToRoot) {
        int slash = relativeToRoot.lastIndexOf('/');
        String packageDir = slash < 0 ? "" : relativeToRoot.substring(0, slash);
        String file = relativeToRoot.substring(slash + 1);
        List<String> exact = byPackageAndFile.get(packageDir + '/' + file);
        if (exact != null) {
            return new Mapping(sorted(exact), false);
        }
        // Java requires the directory to match the package; elsewhere a same-named file in another
        // package is a different file, so only Kotlin, Groovy, Scala… get the fallback.
        List<ClassNode> sameFile = file.endsWith(".java") ? List.of() : byFile.getOrDefault(file, List.of());
        if (sameFile.isEmpty()) {
            return new Mapping(List.of(), false);
        }
        Set<String> packages = new TreeSet<>();
        sameFile.forEach(n -> packages.add(n.packageDir()));
        if (packages.size() > 1) {
            return new Mapping(List.of(), true);
        }
        return new Mapping(sorted(sameFile.stream().map(ClassNode::name).toList()), false);
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
