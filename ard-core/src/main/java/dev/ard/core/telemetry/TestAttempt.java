package dev.ard.core.telemetry;

/**
 * One execution of one test method, as read from either the ARD Surefire reporter's results file or
 * a {@code TEST-*.xml} report. With {@code rerunFailingTestsCount} a method has several attempts;
 * {@link TestResults#aggregate} folds them into one {@link TestResult}.
 *
 * @param className   fully qualified test class as Surefire reports it
 * @param methodName  test method name as Surefire reports it (may contain display-name text)
 * @param durationMs  wall time of this attempt in milliseconds
 * @param kind        how this attempt ended
 * @param failureType exception class of a failure/error, else {@code null}
 * @param stackTrace  Surefire's trimmed stack trace of a failure/error, else {@code null}; used only
 *                    to compute the fingerprint and never stored
 */
public record TestAttempt(
        String className,
        String methodName,
        long durationMs,
        AttemptKind kind,
        String failureType,
        String stackTrace) {}
