package dev.ard.core.telemetry;

/** TEMP stub (see {@link TelemetryWriter}): what {@link TelemetryWriter#write} did with a build. */
public record WriteOutcome(Status status, int flushedFromSpool, String reason) {

    public enum Status {
        WRITTEN,
        SPOOLED,
        FAILED
    }
}
