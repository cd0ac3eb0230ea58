package dev.ard.core.selection.predictive;

/**
 * A test class the predictive policy may run.
 *
 * @param className     fully qualified test class
 * @param score         the model's P(fail)
 * @param expectedMs    its expected duration (mean of past runs; 0 when unknown)
 * @param mustRunReason why it runs whatever its score (new or changed test, failed last time, {@code ard.mustRun}),
 *                      or {@code null}
 */
public record Candidate(String className, double score, double expectedMs, String mustRunReason) {}
