package dev.ard.core.telemetry;

/**
 * A file that differs from the base of a build (for now: uncommitted changes of the working tree).
 *
 * @param path repository-relative path with {@code /} separators
 * @param kind {@code ADDED}, {@code MODIFIED}, {@code DELETED}, {@code RENAMED} or {@code UNTRACKED}
 */
public record Change(String path, String kind) {}
