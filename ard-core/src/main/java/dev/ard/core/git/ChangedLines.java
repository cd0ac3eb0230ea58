package dev.ard.core.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The lines of a modified Java source that differ from its base version, as ranges of the new file ({@code 12-14},
 * 1-based, inclusive), the way a diff hunk names them: what the impact analysis maps to method bodies through the class
 * files' line tables when no bytecode snapshot of the base exists.
 *
 * <p>A deletion has no line in the new file; it is named by the two lines around it (the body it was cut from must
 * hold both). Any edit that adds or removes a line that may declare something ({@link DeclarationLines}), a deletion
 * at the very start or end of the file, a binary or oversized file: {@code null}, the whole file changed. Lines are
 * compared exactly (a changed line ending changes every line, which is coarse but never wrong).
 */
public final class ChangedLines {

    /** Larger sources are not diffed: their classes count as changed as a whole. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private ChangedLines() {}

    /**
     * @return the changed ranges of {@code now} (empty when the contents are equal), or {@code null} when the change
     *     is not confined to lines that can be mapped to method bodies
     */
    public static List<String> between(byte[] base, byte[] now) {
        if (base.length > MAX_BYTES || now.length > MAX_BYTES || RawText.isBinary(base) || RawText.isBinary(now)) {
            return null;
        }
        RawText a = new RawText(base);
        RawText b = new RawText(now);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        List<String> ranges = new ArrayList<>(edits.size());
        for (Edit edit : edits) {
            if (declares(a, edit.getBeginA(), edit.getEndA()) || declares(b, edit.getBeginB(), edit.getEndB())) {
                return null;
            }
            if (edit.getType() == Edit.Type.DELETE) {
                // 0-based beginB is the first line after the cut: 1-based, the cut lies between beginB and beginB + 1
                if (edit.getBeginB() == 0 || edit.getBeginB() >= b.size()) {
                    return null;
                }
                ranges.add(edit.getBeginB() + "-" + (edit.getBeginB() + 1));
            } else {
                ranges.add((edit.getBeginB() + 1) + "-" + edit.getEndB());
            }
        }
        return ranges;
    }

    private static boolean declares(RawText text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (DeclarationLines.declares(text.getString(i))) {
                return true;
            }
        }
        return false;
    }
}
