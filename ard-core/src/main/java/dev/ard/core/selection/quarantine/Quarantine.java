package dev.ard.core.selection.quarantine;

import java.util.List;
import java.util.Optional;

/**
 * The entries of the quarantine file that apply to this build (well-formed and not expired), in file order.
 *
 * @param source  the file as named in messages (root-relative), or {@code null} for {@link #NONE}
 * @param entries the entries that apply
 */
public record Quarantine(String source, List<QuarantineEntry> entries) {

    /** No quarantine: no file, {@code ard.quarantine=none}, or a file none of whose entries applies. */
    public static final Quarantine NONE = new Quarantine(null, List.of());

    public Quarantine {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The first entry (in file order) that quarantines the top-level class {@code className}. */
    public Optional<QuarantineEntry> matches(String className) {
        for (QuarantineEntry entry : entries) {
            if (entry.matches(className)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The patterns, in file order without repeats, for Surefire's {@code test} parameter. */
    public List<String> patterns() {
        return entries.stream().map(QuarantineEntry::pattern).distinct().toList();
    }
}
