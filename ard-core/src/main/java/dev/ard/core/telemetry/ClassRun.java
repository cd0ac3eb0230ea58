package dev.ard.core.telemetry;

import java.time.Instant;

/**
 * One test class in one build, folded from its method results ({@link TelemetryStore#classRuns}); classes left out
 * by selection are not rows.
 *
 * @param buildId    the build
 * @param startedAt  the build's start
 * @param module     {@code groupId:artifactId}
 * @param className  the test class
 * @param failed     a method ended FAILED or ERROR
 * @param flaky      a method was flaky
 * @param durationMs summed method durations
 * @param impact     what the impact analysis said of the class in that build, or {@code null} when it was not recorded
 */
public record ClassRun(
        String buildId,
        Instant startedAt,
        String module,
        String className,
        boolean failed,
        boolean flaky,
        long durationMs,
        ImpactFact impact) {

    /** This run with the impact fact its build recorded for the class. */
    public ClassRun withImpact(ImpactFact fact) {
        return new ClassRun(buildId, startedAt, module, className, failed, flaky, durationMs, fact);
    }
}
