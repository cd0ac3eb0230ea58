package dev.ard.core.telemetry;

/** How one test method ended in one build. Stored by name, so never rename a constant. */
public enum Outcome {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED,
    /** Not run because ARD's selection left its class out; never counted as passed. */
    SKIPPED_BY_SELECTION
}
