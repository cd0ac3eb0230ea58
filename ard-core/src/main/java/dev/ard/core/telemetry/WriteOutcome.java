package dev.ard.core.telemetry;

/**
 * What {@link TelemetryWriter#write} did with a build.
 *
 * @param status           where the build ended up
 * @param flushedFromSpool how many earlier spooled builds were written to the store first
 * @param reason           one line for the user's log: why the build was spooled or failed, or a
 *                         note on spool files set aside; {@code null} when there is nothing to say
 */
public record WriteOutcome(Status status, int flushedFromSpool, String reason) {

    public enum Status {
        /** The build is in the store. */
        WRITTEN,
        /** The store failed; the build waits in the spool directory for the next build to flush it. */
        SPOOLED,
        /** Neither store nor spool took the build (or the telemetry itself was invalid): it is lost. */
        FAILED
    }
}
