package dev.ard.core.selection.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Name and package closeness between a test class and a changed path, without bytecode. */
final class Affinity {

    private Affinity() {}

    /** Camel-case tokens of a simple name, lower case, without test words ({@code FooBarTest} → foo, bar). */
    static Set<String> tokens(String simpleName) {
        Set<String> tokens = new HashSet<>();
        for (String t : simpleName.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+")) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!lower.isEmpty()
                    && !lower.equals("test")
                    && !lower.equals("tests")
                    && !lower.equals("it")
                    && !lower.equals("case")) {
                tokens.add(lower);
            }
        }
        return tokens;
    }

    /** Jaccard overlap of the tokens of the test's simple name and of the path's file name (0..1). */
    static double name(String testClass, String path) {
        Set<String> a = tokens(simpleName(testClass));
        Set<String> b = tokens(fileBase(path));
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) common.size() / union.size();
    }

    /**
     * Shared leading package segments of the test and the path's directories, over the test's package depth. The
     * path's directories are matched at the position of the test's first package segment ({@code src/main/java/} and
     * similar prefixes vary by project), or from the start when it does not occur.
     */
    static double pkg(String testClass, String path) {
        List<String> pkg = packageSegments(testClass);
        if (pkg.isEmpty()) {
            return 0;
        }
        List<String> dirs = new ArrayList<>(List.of(path.split("/")));
        dirs.remove(dirs.size() - 1);
        int start = dirs.indexOf(pkg.get(0));
        if (start < 0) {
            return 0;
        }
        int shared = 0;
        for (int i = 0; i < pkg.size() && start + i < dirs.size() && pkg.get(i).equals(dirs.get(start + i)); i++) {
            shared++;
        }
        return (double) shared / pkg.size();
    }

    /** True when {@code path} is the source file of {@code testClass} ({@code …/com/x/FooTest.java}). */
    static boolean isSourceOf(String testClass, String path) {
        String top = testClass.contains("$") ? testClass.substring(0, testClass.indexOf('$')) : testClass;
        return path.endsWith("/" + top.replace('.', '/') + ".java") || path.equals(top.replace('.', '/') + ".java");
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String fileBase(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static List<String> packageSegments(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? List.of() : List.of(className.substring(0, dot).split("\\."));
    }
}
