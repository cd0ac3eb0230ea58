package dev.ard.core.selection;

/**
 * Whether one test class runs, and why, in one line ({@code depends on com.x.Foo (changed: …), 2 hops},
 * {@code failed in the last build of this branch}, {@code no change reaches it}, …).
 */
public record TestDecision(String className, boolean selected, String reason) {}
