package dev.ard.core.impact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Source lines to methods, through the class files' line tables: a method's span runs from the first to the last line
 * its {@code LineNumberTable} names, so blank and comment lines inside a body belong to it. A changed line in no span —
 * a field without initializer, a signature, an import, an annotation, a comment between methods — is a change of the
 * class, not of a method body; so is any line of a class compiled without line numbers, and a range whose first and
 * last lines no one method holds.
 */
final class LineSpans {
    /** Lines {@code from}–{@code to} (1-based, inclusive) of one file, as a diff hunk gives them for the new file. */
    record Range(int from, int to) {
        Range {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("a line range is from-to with 1 <= from <= to");
            }
        }

        private static final Pattern SUFFIX = Pattern.compile("^(.+):(\\d{1,9})(?:-(\\d{1,9}))?$");

        /**
         * {@code path:from-to} or {@code path:line} → the path and the range; a plain path → the path and {@code null}.
         *
         * @throws IllegalArgumentException for a range that ends before it starts or starts before line 1
         */
        static Map.Entry<String, Range> split(String entry) {
            Matcher m = SUFFIX.matcher(entry);
            if (!m.matches()) {
                return Map.entry(entry, NONE);
            }
            int from = Integer.parseInt(m.group(2));
            int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
            return Map.entry(m.group(1), new Range(from, to));
        }

        /** Stands for "the whole file" where a map needs a value. */
        static final Range NONE = new Range(1, Integer.MAX_VALUE);

        boolean whole() {
            return this.equals(NONE);
        }
    }

    private LineSpans() {}

    /**
     * The method bodies of {@code classes} (internal names, read from {@code dir}) the ranges fall into, or
     * {@code null} when a line of a range lies in no method span of any of them (a class-level change).
     *
     * @return class → method keys ({@code name + descriptor})
     * @throws IOException a class file cannot be read
     */
    static Map<String, List<String>> methods(Path dir, List<String> classes, List<Range> ranges) throws IOException {
        Map<String, Map<String, TreeSet<Integer>>> lines = new LinkedHashMap<>();
        for (String c : classes) {
            lines.put(c, lines(Files.readAllBytes(dir.resolve(c + ".class"))));
        }
        List<Span> spans = spans(lines);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Range r : ranges) {
            if (r.whole() || (r.to() > r.from() && !oneMethod(spans, r.from(), r.to()))) {
                return null;
            }
            for (int line = r.from(); line <= r.to(); line++) {
                boolean covered = false;
                for (Span s : spans) {
                    if (s.from() <= line && line <= s.to()) {
                        covered = true;
                        List<String> keys = out.computeIfAbsent(s.owner(), k -> new ArrayList<>());
                        if (!keys.contains(s.method())) {
                            keys.add(s.method());
                        }
                    }
                }
                if (!covered) {
                    return null;
                }
            }
        }
        return out;
    }

    /**
     * Whether one method's spans hold both ends of a range: a range from the end of one body to the start of the next
     * (a deletion named by the lines around it, say) may have removed what lay between them.
     */
    private static boolean oneMethod(List<Span> spans, int first, int last) {
        for (Span a : spans) {
            if (a.from() <= first && first <= a.to()) {
                for (Span b : spans) {
                    if (b.from() <= last
                            && last <= b.to()
                            && a.owner().equals(b.owner())
                            && a.method().equals(b.method())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Lines {@code from}–{@code to} belong to the body of {@code method} of {@code owner}. */
    record Span(String owner, String method, int from, int to) {}

    /**
     * A method's lines, joined into spans across the gaps no other method has a line in: the blank and comment lines
     * inside a body join it, while a constructor's jump from a field initializer at the top of the class to its own
     * body further down does not swallow the methods in between.
     */
    static List<Span> spans(Map<String, Map<String, TreeSet<Integer>>> lines) {
        TreeMap<Integer, Integer> owners = new TreeMap<>(); // line → how many methods name it
        lines.values().forEach(methods -> methods.values()
                .forEach(set -> set.forEach(l -> owners.merge(l, 1, Integer::sum))));
        List<Span> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, TreeSet<Integer>>> c : lines.entrySet()) {
            for (Map.Entry<String, TreeSet<Integer>> m : c.getValue().entrySet()) {
                Integer from = null;
                Integer last = null;
                for (int line : m.getValue()) {
                    if (from != null && !owners.subMap(last, false, line, false).isEmpty()) {
                        out.add(new Span(c.getKey(), m.getKey(), from, last));
                        from = null;
                    }
                    if (from == null) {
                        from = line;
                    }
                    last = line;
                }
                if (from != null) {
                    out.add(new Span(c.getKey(), m.getKey(), from, last));
                }
            }
        }
        return out;
    }

    /** Method key → the lines its line table names; methods without line numbers are left out. */
    static Map<String, TreeSet<Integer>> lines(byte[] classFile) {
        Map<String, TreeSet<Integer>> out = new LinkedHashMap<>();
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(ReferenceVisitor.API) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String signature, String[] exceptions) {
                                String key = name + desc;
                                return new MethodVisitor(ReferenceVisitor.API) {
                                    @Override
                                    public void visitLineNumber(int line, Label start) {
                                        out.computeIfAbsent(key, k -> new TreeSet<>())
                                                .add(line);
                                    }
                                };
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return out;
    }
}
