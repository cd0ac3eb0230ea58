package dev.ard.core.telemetry;

import java.nio.file.Path;

/**
 * TEMP stub so the extension compiles before the real class lands in core; the lead drops this
 * commit at merge.
 */
public final class TelemetryWriter {
    private TelemetryWriter() {}

    /** Writes the build to the store, spooling it to {@code spoolDir} when the store fails. Never throws. */
    public static WriteOutcome write(StoreConfig config, BuildTelemetry telemetry, Path spoolDir) {
        return new WriteOutcome(WriteOutcome.Status.FAILED, 0, "TelemetryWriter not implemented yet");
    }
}
