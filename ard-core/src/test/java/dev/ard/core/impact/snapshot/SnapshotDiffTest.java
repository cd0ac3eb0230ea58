package dev.ard.core.impact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which changes are confined to method bodies: only those may be followed at member level. */
class SnapshotDiffTest {
    private static ClassChecksum cls(long checksum, Map<String, Long> members) {
        return new ClassChecksum("com/x/A", 61, checksum, members, Set.of());
    }

    private static Map<String, Long> members(Object... keyValue) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            m.put((String) keyValue[i], ((Number) keyValue[i + 1]).longValue());
        }
        return m;
    }

    private static ClassChange diff(ClassChecksum before, ClassChecksum now) {
        List<ClassChange> d = SnapshotDiff.diff(Map.of("com/x/A", before), Map.of("com/x/A", now));
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @Test
    void aChangedBodyOfAnExistingMethodIsBodiesOnly() {
        ClassChange c = diff(
                cls(1, members("H", 7, "F f I", 3, "M a ()V", 1, "M b ()V", 2)),
                cls(2, members("H", 7, "F f I", 3, "M a ()V", 9, "M b ()V", 2)));
        assertThat(c.members()).containsExactly("M a ()V");
        assertThat(c.bodiesOnly()).isTrue();
    }

    @Test
    void aHeaderAFieldOrAnAddedOrRemovedMethodIsNot() {
        ClassChecksum base = cls(1, members("H", 7, "F f I", 3, "M a ()V", 1));
        assertThat(diff(base, cls(2, members("H", 8, "F f I", 3, "M a ()V", 9))).bodiesOnly())
                .as("header")
                .isFalse();
        assertThat(diff(base, cls(2, members("H", 7, "F f I", 4, "M a ()V", 9))).bodiesOnly())
                .as("field")
                .isFalse();
        assertThat(diff(base, cls(2, members("H", 7, "F f I", 3, "M a ()V", 1, "M b ()V", 2)))
                        .bodiesOnly())
                .as("added method")
                .isFalse();
        assertThat(diff(base, cls(2, members("H", 7, "F f I", 3))).bodiesOnly())
                .as("removed method")
                .isFalse();
    }
}
