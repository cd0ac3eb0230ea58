package dev.ard.core.telemetry;

/**
 * One Surefire/Failsafe execution in one module of a build.
 *
 * @param module      {@code groupId:artifactId}
 * @param plugin      {@code surefire} or {@code failsafe}
 * @param executionId execution id
 * @param source      where the results came from: {@code reporter} (ARD's Surefire reporter),
 *                    {@code xml} (parsed {@code TEST-*.xml} fallback) or {@code none}
 * @param durationMs  wall time of the mojo
 * @param note        why the fallback was used, or {@code null}
 */
public record ModuleRun(
        String module, String plugin, String executionId, String source, long durationMs, String note) {}
