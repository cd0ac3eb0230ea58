package dev.ard.core.selection.quarantine;

import dev.ard.core.io.UntrustedText;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the quarantine file: test classes matching {@code pattern} run, but their failures do not fail the
 * build, up to and including {@code expires}.
 *
 * @param pattern a fully qualified class name; {@code *} stands for any characters within one package segment or
 *                class name, {@code **} for any characters across segments
 * @param owner   who answers for the entry (free text, e.g. {@code @alice})
 * @param expires the last day (UTC) the entry applies
 * @param reason  why the test is quarantined (free text)
 * @param line    the entry's line in the file, for messages
 */
public record QuarantineEntry(String pattern, String owner, LocalDate expires, String reason, int line) {

    public QuarantineEntry {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the top-level class {@code className} (fully qualified) is quarantined by this entry. */
    public boolean matches(String className) {
        return className != null && regex(pattern).matcher(className).matches();
    }

    /** Whether the entry still applies on {@code today}: the expiry day itself is the last day it does. */
    public boolean appliesOn(LocalDate today) {
        return !expires.isBefore(today);
    }

    /**
     * {@code owner @alice, expires 2027-01-31: times out on CI runners}, for the build log (owner and reason are free
     * text from the file: escaped and capped, never a line of their own).
     */
    public String describe() {
        return "owner " + UntrustedText.clean(owner) + ", expires " + expires + ": " + UntrustedText.clean(reason);
    }

    // The parser admits only identifier characters, dots and '*' (see QuarantineFile.validPattern), so no other
    // character can carry regex meaning; quoting keeps it so should that check ever be loosened.
    static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                re.append(twice ? ".*" : "[^.]*");
                i += twice ? 2 : 1;
            } else {
                int next = glob.indexOf('*', i);
                int end = next < 0 ? glob.length() : next;
                re.append(Pattern.quote(glob.substring(i, end)));
                i = end;
            }
        }
        return Pattern.compile(re.toString());
    }
}
