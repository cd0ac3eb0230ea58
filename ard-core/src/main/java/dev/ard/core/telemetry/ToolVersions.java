package dev.ard.core.telemetry;

/**
 * What a build ran on; each part {@code null} when unknown.
 *
 * @param maven Maven version
 * @param java  Java runtime version
 * @param os    OS name, version and architecture
 */
public record ToolVersions(String maven, String java, String os) {}
