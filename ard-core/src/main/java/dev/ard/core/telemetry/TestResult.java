package dev.ard.core.telemetry;

/**
 * The stored result of one test method in one Surefire/Failsafe execution of one build.
 *
 * @param module             Maven module ({@code groupId:artifactId})
 * @param plugin             {@code surefire} or {@code failsafe}
 * @param executionId        the plugin execution id, e.g. {@code default-test}
 * @param className          fully qualified test class
 * @param methodName         test method
 * @param durationMs         milliseconds as Surefire's XML reports the method's {@code testcase time}: the
 *                           first run of a failed/skipped method, the passing run of a flaky one (see
 *                           {@link TestResults})
 * @param outcome            final outcome
 * @param reruns             attempts after the first ({@code rerunFailingTestsCount})
 * @param flaky              failed at least once, then passed
 * @param failureType        exception class of the (last) failure, also for a flaky method, else {@code null}
 * @param failureFingerprint stable hash of the failure (type + top frames, no line numbers/messages)
 */
public record TestResult(
        String module,
        String plugin,
        String executionId,
        String className,
        String methodName,
        long durationMs,
        Outcome outcome,
        int reruns,
        boolean flaky,
        String failureType,
        String failureFingerprint) {

    /**
     * The id prefix of the executions that run quarantined test classes ({@code ard-quarantine-<execution id>}, README
     * "Quarantine"): their failures are stored as they are, but did not fail the build.
     */
    public static final String QUARANTINE_EXECUTION_PREFIX = "ard-quarantine-";

    /** A failure or error in a quarantine execution, which did not fail the build. */
    public boolean quarantinedFailure() {
        return executionId != null
                && executionId.startsWith(QUARANTINE_EXECUTION_PREFIX)
                && (outcome == Outcome.FAILED || outcome == Outcome.ERROR);
    }
}
