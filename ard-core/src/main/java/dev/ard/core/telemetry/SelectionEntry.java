package dev.ard.core.telemetry;

/**
 * One row of the {@code selection} table: a test class a Surefire/Failsafe execution considered, and whether
 * ARD's selection let it run.
 *
 * @param module      Maven module ({@code groupId:artifactId})
 * @param plugin      {@code surefire} or {@code failsafe}
 * @param executionId the plugin execution id
 * @param className   fully qualified test class, as Surefire reports it
 * @param selected    {@code true}: it ran; {@code false}: skipped by selection (and stored as a
 *                    {@link Outcome#SKIPPED_BY_SELECTION} result too)
 * @param reason      one line saying why, e.g. {@code depends on com.x.Foo (changed: …), 2 hops}
 */
public record SelectionEntry(
        String module, String plugin, String executionId, String className, boolean selected, String reason) {}
