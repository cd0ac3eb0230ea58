package dev.ard.core.impact.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The classes whose checksums differ between a base build and this one. */
public final class SnapshotDiff {

    private SnapshotDiff() {}

    /** Added, removed and changed classes, sorted by name; an unchanged recompiled class is not among them. */
    public static List<ClassChange> diff(Map<String, ClassChecksum> base, Map<String, ClassChecksum> current) {
        Set<String> names = new TreeSet<>(base.keySet());
        names.addAll(current.keySet());
        List<ClassChange> out = new ArrayList<>();
        for (String name : names) {
            ClassChecksum before = base.get(name);
            ClassChecksum now = current.get(name);
            if (before == null) {
                out.add(new ClassChange(
                        name, ClassChange.Kind.ADDED, Set.of(), !now.constants().isEmpty(), false));
            } else if (now == null) {
                out.add(new ClassChange(
                        name,
                        ClassChange.Kind.REMOVED,
                        Set.of(),
                        !before.constants().isEmpty(),
                        false));
            } else if (before.checksum() != now.checksum()) {
                Set<String> members = changedMembers(before, now);
                boolean constant = members.stream()
                        .anyMatch(m -> before.constants().contains(m)
                                || now.constants().contains(m));
                boolean bodies = !members.isEmpty()
                        && members.stream()
                                .allMatch(m -> m.startsWith("M ")
                                        && before.members().containsKey(m)
                                        && now.members().containsKey(m));
                out.add(new ClassChange(name, ClassChange.Kind.CHANGED, members, constant, bodies));
            }
        }
        return out;
    }

    private static Set<String> changedMembers(ClassChecksum before, ClassChecksum now) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Long> m : before.members().entrySet()) {
            if (!Objects.equals(m.getValue(), now.members().get(m.getKey()))) {
                out.add(m.getKey());
            }
        }
        for (String key : now.members().keySet()) {
            if (!before.members().containsKey(key)) {
                out.add(key);
            }
        }
        return out;
    }
}
