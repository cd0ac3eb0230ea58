package dev.ard.surefire;

/**
 * Builds the one-line JSON object written per test attempt.
 *
 * <p>Hand-written on purpose, no Jackson: this class runs inside the user's Surefire/Failsafe plugin
 * realm, where any library we brought along could clash with one the plugin or another reporter
 * already loads. The format is a flat object of strings, one number and nulls, so RFC 8259 string
 * escaping is all we need.
 */
final class JsonLine {
    /** Format version of a line; the reader in ard-core checks it. */
    static final int VERSION = 1;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonLine() {}

    /** One attempt as {@code {"v":1,"class":…,"method":…,"durationMs":…,"kind":…,"failureType":…,"trace":…}}. */
    static String attempt(
            String className, String methodName, long durationMs, String kind, String failureType, String trace) {
        StringBuilder out = new StringBuilder(128 + (trace == null ? 0 : trace.length()));
        out.append("{\"v\":").append(VERSION);
        out.append(",\"class\":");
        appendString(out, className);
        out.append(",\"method\":");
        appendString(out, methodName);
        out.append(",\"durationMs\":").append(durationMs);
        out.append(",\"kind\":");
        appendString(out, kind);
        out.append(",\"failureType\":");
        appendString(out, failureType);
        out.append(",\"trace\":");
        appendString(out, trace);
        return out.append('}').toString();
    }

    /**
     * Appends {@code value} as a JSON string, or {@code null}. Quotes and backslashes are escaped,
     * control characters become {@code \}{@code uXXXX}; other characters stay as they are (the file
     * is UTF-8). A lone surrogate cannot be encoded in UTF-8, so it is escaped too: the reader gets
     * back exactly the Java string Surefire gave us.
     */
    static void appendString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                appendUnicodeEscape(out, c);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                appendUnicodeEscape(out, c);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
