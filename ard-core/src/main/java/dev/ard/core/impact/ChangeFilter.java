package dev.ard.core.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ant-style globs over repo-relative paths ({@code /} separated): {@code **} any number of
 * directories (also none), {@code *} any characters within one name, {@code ?} one character.
 * {@code **}{@code /*.md} matches {@code README.md} and {@code docs/a.md}; {@code .github/**} matches
 * everything under {@code .github}.
 *
 * @param globs the patterns, trimmed, none empty
 */
public record ChangeFilter(List<String> globs) {

    public ChangeFilter {
        List<String> clean = new ArrayList<>();
        if (globs != null) {
            for (String glob : globs) {
                if (glob != null && !glob.isBlank()) {
                    clean.add(glob.trim().replace('\\', '/'));
                }
            }
        }
        globs = List.copyOf(clean);
    }

    /** Matches nothing. */
    public static ChangeFilter none() {
        return new ChangeFilter(List.of());
    }

    /** {@code "**}{@code /*.md, .github/**"} → two globs; null or blank → matches nothing. */
    public static ChangeFilter of(String commaSeparated) {
        return new ChangeFilter(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")));
    }

    public boolean matches(String repoRelativePath) {
        if (repoRelativePath == null || globs.isEmpty()) {
            return false;
        }
        String path = normalize(repoRelativePath);
        for (String glob : globs) {
            if (toRegex(glob).matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /**
     * The regular expression of one Ant-style glob over {@code /}-separated paths (also used for Surefire's class-file
     * patterns and {@code ard.mustRun}). Compiled per call: filters hold a handful of globs and are asked about a few
     * hundred paths.
     */
    public static Pattern toRegex(String glob) {
        String g = normalize(glob);
        if (g.endsWith("/")) {
            g = g + "**"; // Ant: a trailing slash means everything below
        }
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**", i)) {
                boolean slashAfter = g.startsWith("**/", i);
                boolean atStartOrAfterSlash = i == 0 || g.charAt(i - 1) == '/';
                if (slashAfter && atStartOrAfterSlash) {
                    re.append("(?:.*/)?");
                    i += 3;
                } else {
                    re.append(".*");
                    i += 2;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                if (c == '/' && g.startsWith("/**", i) && i + 3 == g.length()) {
                    re.append("(?:/.*)?"); // dir/** also matches dir itself
                    i += 3;
                    continue;
                }
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString());
    }
}
