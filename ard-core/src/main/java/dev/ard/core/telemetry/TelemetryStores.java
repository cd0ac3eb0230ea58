package dev.ard.core.telemetry;

import dev.ard.core.telemetry.store.JdbcTelemetryStore;
import dev.ard.core.telemetry.store.StoreOptions;

/** Opens the JDBC telemetry store a {@link StoreConfig} names, migrating its schema to the current version. */
public final class TelemetryStores {
    private TelemetryStores() {}

    /**
     * Opens (creating and migrating as needed) the store: SQLite for {@code jdbc:sqlite:<file>} (parent
     * directories created; an existing file is never deleted, truncated or overwritten, even a corrupt
     * one), PostgreSQL for {@code jdbc:postgresql://…}. Fails with a one-line cause that never holds the
     * password.
     */
    public static TelemetryStore open(StoreConfig config) throws StoreException {
        return open(config, StoreOptions.DEFAULTS);
    }

    /**
     * Loads the store drivers (SQLite's native library, the JSON mapper) ahead of use, so a build that warms
     * up on a spare thread does not pay for it at its end. Never fails; a real problem shows at {@link #open}.
     */
    public static void warmUp() {
        JdbcTelemetryStore.warmUp();
        try {
            // Initializes the results-file reader's JSON mapper (Jackson's first use costs ~0.2 s of class loading).
            Class.forName(AttemptsFile.class.getName(), true, AttemptsFile.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Shows when the reader is used.
        }
    }

    /** With explicit timeouts and retries (tests use small ones). */
    static TelemetryStore open(StoreConfig config, StoreOptions options) throws StoreException {
        return JdbcTelemetryStore.open(config, options);
    }
}
