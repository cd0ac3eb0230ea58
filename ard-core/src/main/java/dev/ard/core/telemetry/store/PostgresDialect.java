package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * PostgreSQL, the shared store of a team. A short connect timeout so a build whose store is down
 * fails over to the spool within seconds; schema migrations serialized by a transaction-scoped
 * advisory lock.
 */
final class PostgresDialect implements Dialect {
    /** Advisory lock key for schema migrations: the ASCII bytes of "ARDSCHEM". */
    private static final long MIGRATION_LOCK_KEY = 0x4152_4453_4348_454dL;

    private final StoreConfig config;
    private final StoreOptions options;

    PostgresDialect(StoreConfig config, StoreOptions options) {
        this.config = config;
        this.options = options;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String byteLength(String column) {
        return "octet_length(" + column + ")";
    }

    @Override
    public String describe() {
        return "PostgreSQL telemetry store " + config.redactedUrl();
    }

    @Override
    public Connection connect() throws StoreException {
        Properties props = new Properties();
        if (config.user() != null) {
            props.setProperty("user", config.user());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        String timeoutSeconds =
                Long.toString(Math.max(1, options.connectTimeout().toSeconds()));
        props.setProperty("connectTimeout", timeoutSeconds);
        props.setProperty("loginTimeout", timeoutSeconds);
        props.setProperty("ApplicationName", "ard");
        props.setProperty("reWriteBatchedInserts", "true");
        try {
            // The driver directly, not DriverManager: inside Maven's class realms DriverManager may not see it.
            Connection connection = new org.postgresql.Driver().connect(config.jdbcUrl(), props);
            if (connection == null) {
                throw new StoreException(describe() + ": not a valid PostgreSQL JDBC URL");
            }
            return connection;
        } catch (SQLException e) {
            throw translate(e, "connect");
        } catch (RuntimeException e) {
            // e.g. a malformed URL the driver trips over: its message may quote the URL
            throw new StoreException(
                    describe() + ": cannot connect: " + e.getClass().getSimpleName() + ": "
                            + Messages.oneLine(e.getMessage(), config),
                    Messages.scrubbed(e, config));
        }
    }

    @Override
    public void prepare(Connection connection) {
        // nothing store-wide to set
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void lockForMigration(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, MIGRATION_LOCK_KEY);
            ps.execute();
        }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken; the original failure is the one reported
        }
    }

    @Override
    public boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public StoreException translate(SQLException e, String action) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = Messages.oneLine(e.getMessage(), config);
        String message;
        if (state.startsWith("08")) {
            message = describe() + " is unreachable: " + detail;
        } else if (state.startsWith("28")) {
            message = describe() + " rejected the login of user '" + config.user() + "' (authentication failed)";
        } else if (state.equals("3D000")) {
            message = describe() + ": the database does not exist";
        } else if (state.equals("42501")) {
            message = describe() + ": user '" + config.user() + "' lacks a privilege to " + action + ": " + detail;
        } else {
            message = describe() + ": could not " + action + ": " + detail;
        }
        // The driver's exception stays attached for --debug output, scrubbed: its message may echo the URL.
        return new StoreException(message, Messages.scrubbed(e, config));
    }
}
