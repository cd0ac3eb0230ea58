package dev.ard.core.selection;

import dev.ard.core.impact.ChangeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code -Dard.mustRun}: comma-separated class-name globs that always run. A glob with a dot matches the fully
 * qualified name ({@code com.x.*IT}, {@code com.x.**}); one without matches the simple name ({@code *SmokeTest}).
 * {@code *} stays within one name segment, {@code **} crosses dots, {@code ?} is one character.
 */
public record MustRunRules(List<String> globs) {

    public static final MustRunRules NONE = new MustRunRules(List.of());

    public MustRunRules {
        globs = List.copyOf(globs);
    }

    public static MustRunRules of(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        List<String> globs = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                globs.add(part.strip());
            }
        }
        return new MustRunRules(globs);
    }

    /** The first glob matching {@code className}, or {@code null}. */
    public String match(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        for (String glob : globs) {
            String subject = glob.contains(".") ? className.replace('.', '/') : simple;
            if (regex(glob).matcher(subject).matches()) {
                return glob;
            }
        }
        return null;
    }

    /** A class-name glob as a path glob: {@code com.x.**} is {@code com/x/**}. */
    private static Pattern regex(String glob) {
        return ChangeFilter.toRegex(glob.replace('.', '/'));
    }
}
