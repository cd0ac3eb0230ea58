package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite, the default store: one file that several Maven processes share. WAL journal (readers never
 * wait for the writer), a busy timeout (writers wait for each other instead of failing), and
 * {@code BEGIN IMMEDIATE} write transactions (the write lock is taken up front, so two transactions
 * can never deadlock while upgrading a read lock).
 */
final class SqliteDialect implements Dialect {
    private static final String URL_PREFIX = "jdbc:sqlite:";
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /**
     * Store files this JVM has opened with SQLite. Their header is read (with a plain file descriptor) only before
     * the first SQLite connection: closing any descriptor of a file drops every POSIX lock this process holds on it,
     * SQLite's included, which would let another process write under a connection of ours and corrupt the store.
     */
    private static final Set<Path> OPENED = new HashSet<>();

    private final StoreConfig config;
    private final String url;
    private final Path file;
    private final StoreOptions options;

    SqliteDialect(StoreConfig config, StoreOptions options) {
        this.config = config;
        this.url = config.jdbcUrl();
        this.file = fileOf(url);
        this.options = options;
    }

    /** The database file a {@code jdbc:sqlite:} URL names, or {@code null} for an in-memory database. */
    static Path fileOf(String url) {
        String rest = url.substring(URL_PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2); // file:///abs/path → /abs/path (empty authority)
            }
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return null;
        }
        return Path.of(rest).toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "sqlite";
    }

    /** {@code length} of a BLOB counts bytes; the cast keeps a value stored as TEXT from being counted in characters. */
    @Override
    public String byteLength(String column) {
        return "length(CAST(" + column + " AS BLOB))";
    }

    @Override
    public String describe() {
        return "telemetry store " + (file == null ? config.redactedUrl() : file.toString());
    }

    @Override
    public Connection connect() throws StoreException {
        Connection connection;
        synchronized (OPENED) {
            Path key = file == null ? null : file.toAbsolutePath().normalize();
            if (key != null && !OPENED.contains(key)) {
                checkFile();
            }
            try {
                connection = new org.sqlite.JDBC().connect(url, new Properties());
            } catch (SQLException e) {
                throw translate(e, "open");
            }
            if (key != null) {
                OPENED.add(key);
            }
        }
        // Connection-local settings only: nothing here writes to the file (a newer store stays untouched).
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA synchronous = NORMAL");
            return connection;
        } catch (SQLException e) {
            Dialect.closeQuietly(connection);
            throw translate(e, "open");
        }
    }

    /**
     * Refuses a file that is not a SQLite database before the driver opens it: SQLite itself would
     * fail only at the first read, and nothing must ever write into (let alone over) such a file.
     */
    private void checkFile() throws StoreException {
        if (Files.isDirectory(file)) {
            throw new StoreException(describe() + " is a directory, not a SQLite database");
        }
        if (Files.exists(file)) {
            byte[] head = new byte[HEADER.length];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new StoreException("cannot read " + describe() + ": " + Messages.reason(e), e);
            }
            // An empty file is a valid empty database (SQLite creates it that way).
            if (read > 0 && !Arrays.equals(head, HEADER)) {
                throw notADatabase(null);
            }
            return;
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create directory " + dir + " for the " + describe() + ": " + Messages.reason(e), e);
        }
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        // WAL is a property of the file, set once; the first opener converts it (needs the write lock,
        // so busy errors here are retried like any other).
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            rs.next();
        }
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        // Explicit statements in auto-commit mode: the driver's own transaction handling would start the
        // next transaction right after each commit and keep holding the write lock while idle.
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void lockForMigration(Connection connection) {
        // BEGIN IMMEDIATE already holds the database's single write lock.
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("COMMIT");
        }
    }

    @Override
    public void rollbackQuietly(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (BEGIN itself failed) or SQLite rolled back already
        }
    }

    @Override
    public boolean isRetryable(SQLException e) {
        int code = primaryCode(e);
        // A short read shows up, rarely, when several processes open a fresh store at once (one converts it to WAL
        // while another reads): the transaction is rolled back and a retry reads the settled file.
        boolean shortRead =
                e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_IOERR_SHORT_READ;
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code || shortRead;
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }

    @Override
    public StoreException translate(SQLException e, String action) {
        int code = primaryCode(e);
        String detail = Messages.oneLine(e.getMessage(), config);
        String message;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            message = describe() + " is locked by another writer (still busy after " + options.maxAttempts()
                    + " tries, waiting up to " + Messages.duration(options.busyTimeout()) + " each); could not "
                    + action;
        } else if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return notADatabase(e);
        } else if (code == SQLiteErrorCode.SQLITE_READONLY.code
                || (code == SQLiteErrorCode.SQLITE_CANTOPEN.code && !writable())) {
            message = describe() + " is read-only (" + readOnlyWhat() + "); could not " + action;
        } else if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            message = "disk full: could not " + action + " in " + describe();
        } else {
            message = describe() + ": could not " + action + ": " + detail;
        }
        return new StoreException(message, Messages.scrubbed(e, config));
    }

    private StoreException notADatabase(SQLException cause) {
        return new StoreException(
                describe() + " is not a SQLite database (corrupt?); ARD leaves it as it is",
                cause == null ? null : Messages.scrubbed(cause, config));
    }

    private boolean writable() {
        return file == null || (Files.isWritable(file.getParent()) && (!Files.exists(file) || Files.isWritable(file)));
    }

    /** Which part is read-only, as far as the JVM can tell (as root only a read-only mount or open mode shows). */
    private String readOnlyWhat() {
        if (file == null) {
            return "opened read-only";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "file not writable";
        }
        if (!Files.isWritable(file.getParent())) {
            return "directory not writable";
        }
        return "opened read-only";
    }

    private static int primaryCode(SQLException e) {
        // Extended result codes (e.g. SQLITE_BUSY_SNAPSHOT = 517) carry the primary code in the low byte.
        return e instanceof SQLiteException ? e.getErrorCode() & 0xff : -1;
    }
}
