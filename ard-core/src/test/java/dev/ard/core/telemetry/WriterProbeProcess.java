package dev.ard.core.telemetry;

import java.nio.file.Path;

/**
 * Main class of a child JVM that calls {@link TelemetryWriter#write} once and prints the outcome as
 * {@code OUTCOME|status|flushed|reason}. Arguments: {@code jdbcUrl spoolDir buildId}.
 */
public final class WriterProbeProcess {
    private WriterProbeProcess() {}

    public static void main(String[] args) {
        WriteOutcome outcome = TelemetryWriter.write(
                new StoreConfig(args[0], null, null),
                Fixtures.fullBuild(args[2]),
                Path.of(args[1]),
                SqliteTelemetryStoreTest.QUICK);
        System.out.println("OUTCOME|" + outcome.status() + "|" + outcome.flushedFromSpool() + "|" + outcome.reason());
    }
}
