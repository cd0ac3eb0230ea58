package dev.ard.core.impact.snapshot;

import java.util.Set;

/**
 * One class whose bytecode differs from the base build's.
 *
 * @param name            internal name
 * @param kind            added, removed or changed
 * @param members         for a changed class, the member keys ({@code F name desc}, {@code M name desc}, and
 *                        {@code H} for the class header) added, removed or changed; empty for added/removed classes
 * @param bodiesOnly      a changed class whose change is confined to the bodies of methods it had before and has
 *                        now: same header, same fields, same methods (member-level impact applies)
 * @param constantChanged a compile-time constant field of it was added, removed or changed: the classes that inlined
 *                        its value may hold the old one if they were not recompiled
 */
public record ClassChange(String name, Kind kind, Set<String> members, boolean constantChanged, boolean bodiesOnly) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public ClassChange {
        members = Set.copyOf(members);
    }
}
