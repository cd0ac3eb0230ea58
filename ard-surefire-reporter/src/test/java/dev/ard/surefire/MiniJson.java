package dev.ard.surefire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for the flat JSON objects the reporter writes (string, integer and null values),
 * so tests check the lines as a JSON reader sees them without bringing a JSON library.
 */
final class MiniJson {
    private final String text;
    private int pos;

    private MiniJson(String text) {
        this.text = text;
    }

    /** Keys in file order; values are {@code String}, {@code Long} or {@code null}. */
    static Map<String, Object> parseObject(String line) {
        MiniJson parser = new MiniJson(line);
        Map<String, Object> result = parser.object();
        if (parser.pos != line.length()) {
            throw parser.error("trailing characters");
        }
        return result;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> result = new LinkedHashMap<>();
        if (peek() == '}') {
            pos++;
            return result;
        }
        while (true) {
            String key = string();
            expect(':');
            if (result.put(key, value()) != null) {
                throw error("duplicate key " + key);
            }
            char c = next();
            if (c == '}') {
                return result;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        if (c == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value");
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("raw control character");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in " + text);
    }
}
