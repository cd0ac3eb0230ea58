package dev.ard.core.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON-lines results file written by {@code ard-surefire-reporter}: one object per test
 * attempt, {@code {"v":1,"class":…,"method":…,"durationMs":…,"kind":"SUCCESS|FAILURE|ERROR|SKIPPED",
 * "failureType":…|null,"trace":…|null}}.
 *
 * <p>{@code durationMs} comes back as the {@code TEST-*.xml} of the same run would give it (Surefire
 * writes float seconds, exact to the millisecond only below about 2.3 hours), so that results from
 * this file and from the XML fallback are identical.
 *
 * <p>Fields not listed are ignored, so a newer reporter may add some without breaking an older
 * reader; a change that older readers must not misread raises {@code v}.
 */
public final class AttemptsFile {
    /** The newest format version this reader understands. */
    public static final int VERSION = 1;

    /** Trailing tokens fail: two objects glued on one line mean a broken writer, not one attempt. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AttemptsFile() {}

    /** Reads every attempt; a truncated last line (a crashed fork) is ignored, any other bad line fails. */
    public static List<TestAttempt> read(Path file) throws IOException {
        List<TestAttempt> attempts = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            int lineNumber = 1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    parseLine(file, lineNumber, line.toByteArray(), attempts);
                    line.reset();
                    lineNumber++;
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                // No newline at the end: the writer died mid-line unless the line happens to be whole.
                try {
                    parseLine(file, lineNumber, line.toByteArray(), attempts);
                } catch (MalformedLine e) {
                    // a fork killed mid-write; the attempts before it are good
                }
            }
        }
        return attempts;
    }

    private static void parseLine(Path file, int lineNumber, byte[] bytes, List<TestAttempt> into) throws IOException {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (isBlank(bytes, length)) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes, 0, length);
        } catch (JsonProcessingException e) {
            throw new MalformedLine(file, lineNumber, "not JSON (" + oneLine(e.getOriginalMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLine(file, lineNumber, "not a JSON object");
        }
        JsonNode v = node.get("v");
        if (v == null || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new MalformedLine(file, lineNumber, "missing or bad \"v\"");
        }
        if (v.asInt() > VERSION) {
            throw new IOException(
                    "results file version " + v.asText() + " not supported: " + file + " line " + lineNumber);
        }
        into.add(new TestAttempt(
                requiredText(node, "class", file, lineNumber),
                requiredText(node, "method", file, lineNumber),
                duration(node, file, lineNumber),
                kind(node, file, lineNumber),
                optionalText(node, "failureType", file, lineNumber),
                optionalText(node, "trace", file, lineNumber)));
    }

    private static String requiredText(JsonNode node, String field, Path file, int lineNumber) throws MalformedLine {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedLine(file, lineNumber, "missing or non-string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field, Path file, int lineNumber) throws MalformedLine {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedLine(file, lineNumber, "non-string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static long duration(JsonNode node, Path file, int lineNumber) throws MalformedLine {
        JsonNode value = node.get("durationMs");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedLine(file, lineNumber, "missing or bad \"durationMs\"");
        }
        return SurefireTime.normalize(value.asLong());
    }

    private static AttemptKind kind(JsonNode node, Path file, int lineNumber) throws MalformedLine {
        String kind = requiredText(node, "kind", file, lineNumber);
        try {
            return AttemptKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new MalformedLine(file, lineNumber, "unknown \"kind\" " + quote(kind));
        }
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A line that is not a valid attempt; tolerated only as the unterminated last line. */
    private static final class MalformedLine extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedLine(Path file, int lineNumber, String why) {
            super("malformed results file " + file + " line " + lineNumber + ": " + why);
        }
    }

    /** Quotes a value for a one-line message: a hostile file must not put line breaks into the log. */
    private static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return '"' + oneLine(shown) + '"';
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
