package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a unit of store work again when the database says "try later" (SQLite busy/locked, PostgreSQL
 * serialization failure or deadlock): several Maven processes and {@code -T} threads write at once.
 * The work must leave no transaction open when it fails.
 */
final class Retry {
    private static final long BASE_BACKOFF_MS = 50;

    private Retry() {}

    /** A unit of work, typically one transaction. */
    interface Work<T> {
        T run() throws SQLException, StoreException;
    }

    static <T> T run(Dialect dialect, int maxAttempts, Work<T> work) throws SQLException, StoreException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (attempt >= maxAttempts || !dialect.isRetryable(e)) {
                    throw e;
                }
                sleepBeforeAttempt(attempt + 1, e);
            }
        }
    }

    /** Exponential backoff with jitter, so writers that collided do not collide again in lockstep. */
    private static void sleepBeforeAttempt(int nextAttempt, SQLException cause) throws SQLException {
        long backoff = BASE_BACKOFF_MS << Math.min(nextAttempt - 2, 6);
        long jitter = ThreadLocalRandom.current().nextLong(BASE_BACKOFF_MS);
        try {
            Thread.sleep(backoff + jitter);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
