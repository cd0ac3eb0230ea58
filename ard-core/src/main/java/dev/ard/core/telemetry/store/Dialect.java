package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/** What differs between SQLite and PostgreSQL: connecting, write transactions, locks and error messages. */
interface Dialect {

    /** Folder of this dialect's migration scripts under {@code dev/ard/core/telemetry/schema/}. */
    String name();

    /** Where the store is, for messages: a file path or the redacted URL. Never holds a password. */
    String describe();

    /** Opens a connection with every connection-local setting applied; writes nothing to the store. */
    Connection connect() throws StoreException;

    /**
     * Store-wide settings that may write to the store (SQLite's WAL journal mode). Called only after the
     * schema version was found to be one this code knows, so a newer store is never touched.
     */
    void prepare(Connection connection) throws SQLException;

    /** An SQL expression for the size in bytes of the binary {@code column}. */
    String byteLength(String column);

    /** True when {@code table} exists in the store (the schema the connection uses). */
    boolean tableExists(Connection connection, String table) throws SQLException;

    /** Starts a transaction that holds the write lock from its first statement (no lock upgrade later). */
    void beginWrite(Connection connection) throws SQLException;

    /** Serializes schema migrations between processes; called inside the write transaction. */
    void lockForMigration(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    /** Rolls back the open write transaction, if any; never throws (it runs after another failure). */
    void rollbackQuietly(Connection connection);

    /** True for failures that another try may not hit: lock contention, serialization failures. */
    boolean isRetryable(SQLException e);

    /** True when an insert failed because the row's primary key exists already. */
    boolean isDuplicateKey(SQLException e);

    /** A one-line {@link StoreException} naming the cause of {@code e}, which happened while doing {@code action}. */
    StoreException translate(SQLException e, String action);

    /** Closes after another failure; that failure is the one reported. */
    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to tell
        }
    }
}
