package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TestHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TelemetryStore} over one JDBC connection (SQLite or PostgreSQL). Methods are synchronized:
 * one store may be shared by the threads of a {@code -T} build; separate processes each open their own.
 */
public final class JdbcTelemetryStore implements TelemetryStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTelemetryStore.class);

    private final Dialect dialect;
    private final StoreOptions options;
    private final Connection connection;
    private final int schemaVersion;
    private volatile StoreSnapshot snapshot = StoreSnapshot.LIVE;

    private JdbcTelemetryStore(Dialect dialect, StoreOptions options, Connection connection, int schemaVersion) {
        this.dialect = dialect;
        this.options = options;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
    }

    /** Loads SQLite's native library and the JDBC classes by opening and closing an in-memory database. */
    public static void warmUp() {
        try (Connection ignored = new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new java.util.Properties())) {
            // nothing: loading is the point
        } catch (SQLException | RuntimeException | LinkageError e) {
            // A real problem shows (with its cause) when the store is opened.
        }
    }

    /** Opens the store, creating it and migrating its schema as needed. */
    public static JdbcTelemetryStore open(StoreConfig config, StoreOptions options) throws StoreException {
        if (config == null || config.jdbcUrl() == null) {
            throw new StoreException("no telemetry store configured");
        }
        Dialect dialect = dialectFor(config, options);
        Connection connection = dialect.connect();
        try {
            SchemaMigrator migrator = new SchemaMigrator(dialect);
            int version = Retry.run(dialect, options.maxAttempts(), () -> migrator.migrate(connection));
            return new JdbcTelemetryStore(dialect, options, connection, version);
        } catch (SQLException e) {
            Dialect.closeQuietly(connection);
            throw dialect.translate(e, "open");
        } catch (StoreException | RuntimeException e) {
            Dialect.closeQuietly(connection);
            throw e;
        }
    }

    private static Dialect dialectFor(StoreConfig config, StoreOptions options) throws StoreException {
        if (config.isSqlite()) {
            return new SqliteDialect(config, options);
        }
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return new PostgresDialect(config, options);
        }
        throw new StoreException("unsupported telemetry store " + config.redactedUrl()
                + ": use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<db>");
    }

    /** Same as {@link #write}, telling whether the build was new (false: the id was stored already, nothing written). */
    public synchronized boolean writeIfAbsent(BuildTelemetry telemetry) throws StoreException {
        Optional<String> problem = TelemetryValidation.problem(telemetry);
        if (problem.isPresent()) {
            throw new StoreException("invalid telemetry, not written: " + problem.get());
        }
        String id = telemetry.build().id();
        try {
            boolean written = Retry.run(dialect, options.maxAttempts(), () -> writeOnce(telemetry));
            if (!written) {
                LOG.debug("build {} is in the {} already; not written again", id, dialect.describe());
            }
            return written;
        } catch (SQLException e) {
            throw dialect.translate(e, "write build " + id);
        }
    }

    private boolean writeOnce(BuildTelemetry telemetry) throws SQLException {
        dialect.beginWrite(connection);
        try {
            // Checked inside the write transaction: on SQLite nobody else can insert it meanwhile.
            if (TelemetryInserts.exists(connection, telemetry.build().id())) {
                dialect.rollbackQuietly(connection);
                return false;
            }
            TelemetryInserts.insert(connection, telemetry);
            dialect.commit(connection);
            return true;
        } catch (SQLException e) {
            dialect.rollbackQuietly(connection);
            if (dialect.isDuplicateKey(e)) {
                return false; // PostgreSQL: a concurrent writer of the same build committed first
            }
            throw e;
        } catch (RuntimeException e) {
            dialect.rollbackQuietly(connection);
            throw e;
        }
    }

    @Override
    public void write(BuildTelemetry telemetry) throws StoreException {
        writeIfAbsent(telemetry);
    }

    @Override
    public TelemetryStore readAsOf(StoreSnapshot snapshot) {
        this.snapshot = java.util.Objects.requireNonNull(snapshot, "snapshot");
        return this;
    }

    @Override
    public synchronized List<BuildSummary> recentBuilds(int limit) throws StoreException {
        return query("read recent builds", () -> TelemetryQueries.recentBuilds(connection, limit));
    }

    @Override
    public synchronized List<ClassStats> slowestClasses(int limit, int lastBuilds) throws StoreException {
        return query("read slowest classes", () -> TelemetryQueries.slowestClasses(connection, limit, lastBuilds));
    }

    @Override
    public synchronized List<MethodStats> mostFailing(int limit, int lastBuilds) throws StoreException {
        return query("read failing tests", () -> TelemetryQueries.mostFailing(connection, limit, lastBuilds));
    }

    @Override
    public synchronized List<MethodStats> flakiest(int limit, int lastBuilds) throws StoreException {
        return query("read flaky tests", () -> TelemetryQueries.flakiest(connection, limit, lastBuilds));
    }

    @Override
    public synchronized Optional<GreenBuild> lastGreenBuild(String branch) throws StoreException {
        return query("read the last green build", () -> SelectionQueries.lastGreenBuild(connection, branch, snapshot));
    }

    @Override
    public synchronized dev.ard.core.telemetry.RunSnapshot runSnapshot(
            dev.ard.core.telemetry.RunSnapshot proposed, boolean create) throws StoreException {
        return query(
                "read the run's snapshot", () -> SelectionQueries.runSnapshot(connection, dialect, proposed, create));
    }

    @Override
    public synchronized TestHistory testHistory(String branch, int lastBuilds) throws StoreException {
        return query("read the test history", () -> SelectionQueries.history(connection, branch, lastBuilds, snapshot));
    }

    @Override
    public synchronized dev.ard.core.telemetry.InsightFacts insightFacts(dev.ard.core.telemetry.InsightWindow window)
            throws StoreException {
        return query("read the report's history", () -> {
            Optional<dev.ard.core.telemetry.StoredModel> model =
                    ModelQueries.latest(connection, dialect, StoreSnapshot.LIVE);
            return InsightQueries.load(connection, window, model);
        });
    }

    @Override
    public synchronized java.util.Map<String, String> skipReasons(java.util.Collection<String> keys)
            throws StoreException {
        return query("read skip reasons", () -> InsightQueries.reasons(connection, keys));
    }

    @Override
    public synchronized int schemaVersion() throws StoreException {
        return query("read the schema version", () -> new SchemaMigrator(dialect).version(connection));
    }

    @Override
    public synchronized List<dev.ard.core.telemetry.ClassRun> classRuns(
            String branch, int lastBuilds, java.util.Map<String, List<String>> changes) throws StoreException {
        return query("read the per-class history", () -> {
            java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
            List<dev.ard.core.telemetry.ClassRun> runs =
                    ModelQueries.classRuns(connection, branch, lastBuilds, found, snapshot);
            changes.putAll(found); // only once the query succeeded, so a retry does not add twice
            return runs;
        });
    }

    @Override
    public synchronized int saveModel(java.time.Instant trainedAt, String metrics, byte[] bytes) throws StoreException {
        return transaction("save the model", () -> ModelQueries.insertModel(connection, trainedAt, metrics, bytes));
    }

    @Override
    public synchronized Optional<dev.ard.core.telemetry.StoredModel> latestModel() throws StoreException {
        return query("read the model", () -> ModelQueries.latest(connection, dialect, snapshot));
    }

    @Override
    public synchronized void saveBytecodeSnapshots(String commit, java.util.Map<String, byte[]> modules)
            throws StoreException {
        transaction("save bytecode snapshots", () -> {
            SnapshotQueries.save(connection, commit, modules, java.time.Instant.now());
            return null;
        });
    }

    @Override
    public synchronized java.util.Map<String, byte[]> bytecodeSnapshots(String commit) throws StoreException {
        return query("read bytecode snapshots", () -> SnapshotQueries.read(connection, dialect, commit));
    }

    /** {@code work} in one write transaction, rolled back when it fails; retried as {@link #query} retries. */
    private <T> T transaction(String action, Retry.Work<T> work) throws StoreException {
        return query(action, () -> {
            dialect.beginWrite(connection);
            try {
                T result = work.run();
                dialect.commit(connection);
                return result;
            } catch (SQLException | StoreException | RuntimeException e) {
                dialect.rollbackQuietly(connection);
                throw e;
            }
        });
    }

    private <T> T query(String action, Retry.Work<T> work) throws StoreException {
        try {
            return Retry.run(dialect, options.maxAttempts(), work);
        } catch (SQLException e) {
            throw dialect.translate(e, action);
        }
    }

    @Override
    public synchronized void close() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw dialect.translate(e, "close");
        }
    }

    @Override
    public String toString() {
        return "JdbcTelemetryStore[" + dialect.describe() + ", schema v" + schemaVersion + "]";
    }
}
