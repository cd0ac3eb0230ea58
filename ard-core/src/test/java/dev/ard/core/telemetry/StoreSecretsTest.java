package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store URL shows as scheme, host, port and database only: in messages, causes and spool reasons alike. */
class StoreSecretsTest {
    private static final String SECRET_1 = "pw-0d1e-url";
    private static final String SECRET_2 = "ssl-5b7a-url";

    @TempDir
    Path tmp;

    @Test
    void redactedUrlKeepsOnlySchemeHostPortAndDatabase() {
        assertThat(redact("jdbc:postgresql://host:5432/db?user=u&password=" + SECRET_1 + "&sslpassword=" + SECRET_2))
                .isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(redact("jdbc:postgresql://u:" + SECRET_1 + "@host:5432/db?ssl=true"))
                .isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(redact("jdbc:postgresql://h1:5432,h2:5433/db;token=" + SECRET_1))
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db");
        assertThat(redact("jdbc:postgresql:db?apiKey=" + SECRET_1)).isEqualTo("jdbc:postgresql:db");
        assertThat(redact("jdbc:oracle:thin:scott/" + SECRET_1 + "@db:1521:orcl"))
                .doesNotContain(SECRET_1)
                .endsWith("db:1521:orcl");
        assertThat(redact("jdbc:sqlite:/builds/a;b@c/telemetry.db?key=" + SECRET_1))
                .isEqualTo("jdbc:sqlite:/builds/a;b@c/telemetry.db");
    }

    @Test
    void toStringShowsNoParameterOfTheUrl() {
        StoreConfig config =
                new StoreConfig("jdbc:postgresql://u:" + SECRET_1 + "@host/db?sslpassword=" + SECRET_2, "u", null);
        assertThat(config.toString())
                .isEqualTo("StoreConfig[jdbc:postgresql://host/db, user=u]")
                .doesNotContain(SECRET_1, SECRET_2);
    }

    @Test
    void aDriverEchoingTheUrlLeaksNoSecretIntoTheMessageOrTheCauses() {
        // PostgreSQL's driver answers a URL it cannot parse with "Unable to parse URL <the whole URL>".
        StoreConfig config = new StoreConfig(
                "jdbc:postgresql://localhost:notaport/db?user=u&password=" + SECRET_1 + "&sslpassword=" + SECRET_2,
                null,
                null);
        StoreException e = assertThrows(StoreException.class, () -> TelemetryStores.open(config));
        assertThat(e.getMessage())
                .startsWith("PostgreSQL telemetry store jdbc:postgresql://localhost:notaport/db")
                .contains("Unable to parse URL jdbc:postgresql://localhost:notaport/db")
                .doesNotContain(SECRET_1, SECRET_2, "password=", "user=u");
        assertThat(printed(e)).doesNotContain(SECRET_1, SECRET_2, "password=");
    }

    @Test
    void userInfoTheDriverEchoesInACauseIsScrubbed() {
        // The driver takes "u:secret@localhost" for a host name: UnknownHostException: u:secret@localhost.
        StoreConfig config = new StoreConfig("jdbc:postgresql://u:" + SECRET_1 + "@localhost:1/db", null, null);
        StoreException e = assertThrows(StoreException.class, () -> TelemetryStores.open(config));
        assertThat(e.getMessage()).startsWith("PostgreSQL telemetry store jdbc:postgresql://localhost:1/db");
        assertThat(printed(e)).doesNotContain(SECRET_1).contains("UnknownHostException");
    }

    @Test
    void theSpooledBuildsReasonCarriesNoSecretEither() {
        StoreConfig config = new StoreConfig(
                "jdbc:postgresql://localhost:notaport/db?password=" + SECRET_1 + "&sslpassword=" + SECRET_2,
                null,
                null);
        WriteOutcome outcome = TelemetryWriter.write(config, Fixtures.fullBuild("b1"), tmp.resolve("pending"));
        assertThat(outcome.status()).isEqualTo(WriteOutcome.Status.SPOOLED);
        assertThat(outcome.reason()).doesNotContain(SECRET_1, SECRET_2, "password=");
    }

    private static String redact(String url) {
        return new StoreConfig(url, null, null).redactedUrl();
    }

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
