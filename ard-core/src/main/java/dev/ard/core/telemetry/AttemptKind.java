package dev.ard.core.telemetry;

/** How a single execution (attempt) of a test method ended, as Surefire reports it. */
public enum AttemptKind {
    SUCCESS,
    FAILURE,
    ERROR,
    SKIPPED
}
