package dev.ard.core.selection.quarantine;

import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the quarantine file, strictly. The format (README "Quarantine"), UTF-8, one entry per line:
 *
 * <pre>
 * # comment lines (first non-blank character '#') and blank lines are ignored
 * &lt;test class pattern&gt; | &lt;owner&gt; | &lt;expires yyyy-MM-dd&gt; | &lt;reason&gt;
 * com.example.NetworkTest | @alice | 2027-01-31 | times out on CI runners
 * com.example.*IT         | @bob   | 2027-03-01 | shared database fixture races
 * </pre>
 *
 * <ul>
 *   <li>exactly four fields separated by {@code |}, each trimmed and none empty (so a reason cannot contain {@code |});
 *   <li>the pattern is a fully qualified class name (the unit of quarantine is the test class), {@code *} within one
 *       segment, {@code **} across segments; a pattern that matches every class is refused;
 *   <li>the expiry is an ISO date; the entry applies up to and including that day, in UTC;
 *   <li>bounds: at most {@value #MAX_BYTES} bytes, {@value #MAX_LINE_CHARS} characters per line,
 *       {@value #MAX_ENTRIES} entries.
 * </ul>
 *
 * The file is kept in the repository and reviewed like code, but it is still input: a line that breaks a rule is one
 * warning naming {@code file:line} and is ignored, the other entries still apply (a broken entry never quarantines
 * anything, so the build fails for its test as it would without it). An expired entry is one warning and no longer
 * applies. A file over the size bound, or one that cannot be read, is one warning and no quarantine at all.
 */
public final class QuarantineFile {

    /** Where the file is by default, from the build's root directory. */
    public static final String DEFAULT_PATH = ".mvn/ard-quarantine.txt";
    /** {@code ard.quarantine=none}: no quarantine, whatever the file says. */
    public static final String NONE = "none";

    public static final long MAX_BYTES = 1024 * 1024;
    public static final int MAX_LINE_CHARS = 1000;
    public static final int MAX_ENTRIES = 10_000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QuarantineFile() {}

    /**
     * What the build's quarantine is.
     *
     * @param quarantine the entries that apply
     * @param warnings   one line per problem (without a prefix), for the build log
     */
    public record Loaded(Quarantine quarantine, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The quarantine of a build rooted at {@code root}.
     *
     * @param setting {@code ard.quarantine} as given: {@code null} or blank for {@value #DEFAULT_PATH}, {@value #NONE}
     *                to switch quarantine off, else a path relative to the root (or absolute)
     * @param today   the date in UTC (entries expiring before it no longer apply)
     */
    public static Loaded load(Path root, String setting, LocalDate today) {
        if (setting != null && setting.strip().equalsIgnoreCase(NONE)) {
            return new Loaded(Quarantine.NONE, List.of());
        }
        boolean explicit = setting != null && !setting.isBlank();
        String name = explicit ? setting.strip() : DEFAULT_PATH;
        Path file;
        try {
            file = root.resolve(name);
        } catch (RuntimeException e) { // InvalidPathException: a NUL, say
            return new Loaded(
                    Quarantine.NONE,
                    List.of("ard.quarantine=" + UntrustedText.quote(name) + " is not a path; no test is quarantined"));
        }
        if (!Files.exists(file)) {
            // the default file is optional; a file the user named and that is missing is probably a typo
            return new Loaded(
                    Quarantine.NONE,
                    explicit
                            ? List.of("quarantine file " + UntrustedText.clean(name)
                                    + " (ard.quarantine) does not exist; no test is quarantined")
                            : List.of());
        }
        return read(file, name, today);
    }

    /**
     * Parses {@code file}; {@code shown} names it in messages (e.g. {@code .mvn/ard-quarantine.txt}).
     */
    public static Loaded read(Path file, String shown, LocalDate today) {
        String source = UntrustedText.clean(shown);
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_BYTES, "quarantine file");
        } catch (IOException e) {
            return new Loaded(
                    Quarantine.NONE,
                    List.of(UntrustedText.line(BoundedFiles.reason(e), 400) + "; no test is quarantined"));
        }
        List<String> warnings = new ArrayList<>();
        List<QuarantineEntry> entries = new ArrayList<>();
        int entryLines = 0;
        int lineNo = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String at = source + ":" + lineNo + ": ";
            String line = decode(bytes, start, end);
            start = end + 1;
            if (line == null) {
                warnings.add(at + "not valid UTF-8; the line is ignored");
                continue;
            }
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (++entryLines > MAX_ENTRIES) {
                warnings.add(at + "more than " + MAX_ENTRIES + " entries; this line and the ones after it are ignored");
                break;
            }
            if (line.length() > MAX_LINE_CHARS) {
                warnings.add(at + "longer than " + MAX_LINE_CHARS + " characters; the line is ignored");
                continue;
            }
            Parsed parsed = parse(trimmed, lineNo);
            if (parsed.problem() != null) {
                warnings.add(at + parsed.problem() + "; the line is ignored");
            } else if (!parsed.entry().appliesOn(today)) {
                QuarantineEntry e = parsed.entry();
                warnings.add(at + "the quarantine of " + e.pattern() + " (owner " + UntrustedText.clean(e.owner())
                        + ") expired on " + e.expires() + "; it no longer applies and its failures fail the build");
            } else {
                entries.add(parsed.entry());
            }
        }
        return new Loaded(new Quarantine(source, entries), warnings);
    }

    /** The line's text, or {@code null} when it is not valid UTF-8 (decoded alone: one bad line costs only itself). */
    private static String decode(byte[] bytes, int from, int to) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** An entry, or the reason the line is not one. */
    private record Parsed(QuarantineEntry entry, String problem) {}

    private static Parsed parse(String line, int lineNo) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 4) {
            return new Parsed(
                    null,
                    "expected 4 fields separated by '|' (pattern | owner | expires yyyy-MM-dd | reason), found "
                            + fields.length);
        }
        String pattern = fields[0].strip();
        String owner = fields[1].strip();
        String expires = fields[2].strip();
        String reason = fields[3].strip();
        String patternProblem = patternProblem(pattern);
        if (patternProblem != null) {
            return new Parsed(null, patternProblem);
        }
        if (owner.isEmpty()) {
            return new Parsed(null, "empty owner");
        }
        if (reason.isEmpty()) {
            return new Parsed(null, "empty reason");
        }
        LocalDate date;
        try {
            if (!DATE.matcher(expires).matches()) {
                throw new DateTimeParseException("not yyyy-MM-dd", expires, 0);
            }
            date = LocalDate.parse(expires, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return new Parsed(null, "expiry " + UntrustedText.quote(expires) + " is not a date yyyy-MM-dd");
        }
        return new Parsed(new QuarantineEntry(pattern, owner, date, reason, lineNo), null);
    }

    /**
     * Why {@code pattern} is not a class pattern, or {@code null}: dot-separated segments of Java identifier characters
     * and {@code *}, with at least one identifier character (a pattern of only wildcards would quarantine every test).
     */
    public static String patternProblem(String pattern) {
        if (pattern.isEmpty()) {
            return "empty test class pattern";
        }
        boolean named = false;
        for (String segment : pattern.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return "test class pattern " + UntrustedText.quote(pattern) + " has an empty segment";
            }
            for (int i = 0; i < segment.length(); ) {
                int cp = segment.codePointAt(i);
                boolean ok = cp == '*'
                        || (!Character.isIdentifierIgnorable(cp)
                                && (i == 0 ? Character.isJavaIdentifierStart(cp) : Character.isJavaIdentifierPart(cp)));
                if (!ok) {
                    return "test class pattern " + UntrustedText.quote(pattern)
                            + " is not a class name (letters, digits, '_', '$', '.' and '*' only)";
                }
                named |= cp != '*';
                i += Character.charCount(cp);
            }
        }
        return named
                ? null
                : "test class pattern " + UntrustedText.quote(pattern) + " would quarantine every test class";
    }
}
