package dev.ard.core.io;

import java.util.Locale;

/**
 * Text taken from an untrusted input (a bundle's media type or key id, a parser's message quoting the input, a file
 * name from a statement), made fit for one line of a build log or an exception message: line breaks, control and
 * format characters (ANSI escapes, bidi overrides) become visible escapes, and the result is capped so a 100 KB field
 * cannot flood the log. A forged {@code "\n[INFO] BUILD SUCCESS"} thus shows as {@code \n[INFO] BUILD SUCCESS} inside
 * the one line ARD prints, never as a line of its own.
 *
 * <p>ARD's own code: commons-text's escapers do not cap, and a log line needs escaping of Unicode line separators and
 * C1 controls ({@code U+009B} is a one-character ANSI escape) that no escaper aimed at Java or JSON covers.
 */
public final class UntrustedText {
    /** At most this many characters of escaped text are shown; more ends with {@code …} and the original length. */
    public static final int MAX_SHOWN = 200;

    private UntrustedText() {}

    /**
     * The value in single quotes, escaped and capped: {@code 'a\nb'}, {@code 'xxxx…' (100000 chars)}, or
     * {@code (none)} for {@code null}.
     */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        return escape(value, MAX_SHOWN, true);
    }

    /** The value escaped and capped at {@link #MAX_SHOWN} characters, without quotes; {@code ""} for {@code null}. */
    public static String clean(String value) {
        return value == null ? "" : escape(value, MAX_SHOWN, false);
    }

    /**
     * A whole message that may contain untrusted text (a library's exception message): escaped the same way, capped
     * at {@code max} characters.
     */
    public static String line(String message, int max) {
        return message == null ? "" : escape(message, Math.max(1, max), false);
    }

    private static String escape(String value, int max, boolean quoted) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 16);
        if (quoted) {
            out.append('\'');
        }
        int limit = out.length() + max;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            String shown = shown(cp, quoted);
            if (out.length() + (shown == null ? Character.charCount(cp) : shown.length()) > limit) {
                break;
            }
            if (shown == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(shown);
            }
            i += Character.charCount(cp);
        }
        boolean cut = i < value.length();
        if (cut) {
            out.append('…');
        }
        if (quoted) {
            out.append('\'');
        }
        if (cut) {
            out.append(" (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /** The escape for a code point, or {@code null} when it is shown as it is. */
    private static String shown(int cp, boolean quoted) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\', '\'':
                // only inside quotes, where they would make the quoted value ambiguous; a Windows path stays readable
                return quoted ? "\\" + (char) cp : null;
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean hidden = type == Character.CONTROL // C0, DEL and C1 (ESC, CSI)
                || type == Character.FORMAT // bidi overrides, zero-width characters
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE // a lone half of a pair
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
        if (!hidden) {
            return null;
        }
        return String.format(Locale.ROOT, cp <= 0xFFFF ? "\\u%04X" : "\\u{%X}", cp);
    }
}
