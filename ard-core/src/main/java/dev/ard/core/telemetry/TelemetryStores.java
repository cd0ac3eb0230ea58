package dev.ard.core.telemetry;

/** Opens the JDBC telemetry store a {@link StoreConfig} names, migrating its schema to the current version. */
public final class TelemetryStores {
    private TelemetryStores() {}

    /** Opens (creating and migrating as needed) the store. Fails with a one-line cause. */
    public static TelemetryStore open(StoreConfig config) throws StoreException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
