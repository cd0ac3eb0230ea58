package dev.ard.core.selection;

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
            String subject = glob.contains(".") ? className : simple;
            if (regex(glob).matcher(subject).matches()) {
                return glob;
            }
        }
        return null;
    }

    private static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else if (c == '?') {
                re.append("[^.]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
