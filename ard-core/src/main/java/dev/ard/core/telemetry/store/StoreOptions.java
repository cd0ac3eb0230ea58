package dev.ard.core.telemetry.store;

import java.time.Duration;

/**
 * Tuning of how long the store waits before it gives up. The defaults suit real builds; tests pass
 * small values so "locked" and "unreachable" cases finish quickly.
 *
 * @param busyTimeout    SQLite {@code busy_timeout}: how long one statement waits for another writer's lock
 * @param maxAttempts    how often a transaction is tried when SQLite reports busy/locked (or PostgreSQL a
 *                       serialization failure or deadlock) before the store gives up
 * @param connectTimeout PostgreSQL connect and login timeout, so an unreachable server fails fast
 */
public record StoreOptions(Duration busyTimeout, int maxAttempts, Duration connectTimeout) {

    public static final StoreOptions DEFAULTS = new StoreOptions(Duration.ofSeconds(10), 3, Duration.ofSeconds(5));

    public StoreOptions {
        if (busyTimeout.isNegative() || maxAttempts < 1 || connectTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "invalid store options " + busyTimeout + ", " + maxAttempts + ", " + connectTimeout);
        }
    }
}
