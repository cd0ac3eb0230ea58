package dev.ard.core.selection;

import dev.ard.core.impact.ChangeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes of a test-classes directory a Surefire/Failsafe execution would run, from its include and exclude
 * patterns, matched as Surefire matches them: against the class-file path ({@code com/x/FooTest.class}), a pattern
 * ending in {@code .java} read as {@code .class}, one without {@code /} and with dots read as a class name, and
 * {@code **}{@code /} put in front. Used to count and record the candidates; the exclusion itself is done by
 * Surefire, so a pattern this class does not understand ({@code %regex[…]}, method filters) only makes it keep the
 * class as a candidate (fail open).
 */
public final class TestClassFilter {

    /** Surefire's default includes. */
    public static final List<String> SUREFIRE_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's default includes. */
    public static final List<String> FAILSAFE_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    /** Both plugins' default exclude (nested classes), dropped by Surefire as soon as any exclude is given. */
    public static final String DEFAULT_EXCLUDE = "**/*$*";

    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final boolean includesUnknown;

    public TestClassFilter(List<String> includes, List<String> excludes) {
        List<Pattern> in = new ArrayList<>();
        boolean unknown = false;
        for (String include : includes) {
            Pattern p = compile(include);
            if (p == null) {
                unknown = true;
            } else {
                in.add(p);
            }
        }
        List<Pattern> ex = new ArrayList<>();
        for (String exclude : excludes) {
            Pattern p = compile(exclude);
            if (p != null) {
                ex.add(p);
            }
        }
        this.includes = in;
        this.excludes = ex;
        this.includesUnknown = unknown;
    }

    /** True when Surefire would run {@code className} (fully qualified, top level). */
    public boolean accepts(String className) {
        String path = className.replace('.', '/') + ".class";
        boolean included = includesUnknown
                || includes.stream().anyMatch(p -> p.matcher(path).matches());
        return included && excludes.stream().noneMatch(p -> p.matcher(path).matches());
    }

    /** {@code null} for a pattern this filter does not model. */
    static Pattern compile(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String pattern = raw.strip();
        if (pattern.startsWith("%regex[") || pattern.startsWith("!") || pattern.contains("#")) {
            return null;
        }
        if (pattern.endsWith(".java")) {
            pattern = pattern.substring(0, pattern.length() - ".java".length()) + ".class";
        } else if (!pattern.contains("/")) {
            boolean classFile = pattern.endsWith(".class");
            String name = classFile ? pattern.substring(0, pattern.length() - ".class".length()) : pattern;
            pattern = name.replace('.', '/') + (classFile ? ".class" : "");
        }
        if (!pattern.startsWith("**/")) {
            pattern = "**/" + pattern;
        }
        boolean hasExtension = pattern.endsWith(".class") || pattern.endsWith("*");
        return Pattern.compile(ChangeFilter.toRegex(pattern).pattern() + (hasExtension ? "" : "(\\.class)?"));
    }
}
