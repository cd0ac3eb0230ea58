package dev.ard.core.telemetry;

import java.time.Instant;

/**
 * Wall time of one mojo execution (the build profile).
 *
 * @param module      {@code groupId:artifactId} of the project
 * @param plugin      {@code groupId:artifactId:version} of the plugin
 * @param goal        goal name
 * @param executionId execution id
 * @param startedAt   start time
 * @param durationMs  wall time in milliseconds
 * @param succeeded   false when the mojo failed
 */
public record MojoTiming(
        String module,
        String plugin,
        String goal,
        String executionId,
        Instant startedAt,
        long durationMs,
        boolean succeeded) {}
