package dev.ard.core.impact.snapshot;

import java.util.Set;

/**
 * One class whose bytecode differs from the base build's.
 *
 * @param name            internal name
 * @param kind            added, removed or changed
 * @param members         for a changed class, the member keys ({@code F name desc}, {@code M name desc}) added,
 *                        removed or changed; empty when only the class header changed (or for added/removed)
 * @param constantChanged a compile-time constant field of it was added, removed or changed: the classes that inlined
 *                        its value may hold the old one if they were not recompiled
 */
public record ClassChange(String name, Kind kind, Set<String> members, boolean constantChanged) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public ClassChange {
        members = Set.copyOf(members);
    }
}
