package dev.ard.core.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.StoreConfig;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final String URL = "jdbc:postgresql://alice:pa55-in-userinfo@db.example:5432/ard"
            + "?user=alice&password=pa55-in-query&sslpassword=ssl-pa55&ssl=true";
    private static final StoreConfig CONFIG = new StoreConfig(URL, "alice", "pa55-from-env");

    @Test
    void theWholeUrlBecomesItsRedactedForm() {
        assertThat(Messages.oneLine("Unable to parse URL " + URL, CONFIG))
                .isEqualTo("Unable to parse URL jdbc:postgresql://db.example:5432/ard");
    }

    @Test
    void anyOtherJdbcUrlInTheTextIsRedactedToo() {
        assertThat(Messages.oneLine("bad url 'jdbc:postgresql://db.example/ard?password=pa55-in-query&x=1'", CONFIG))
                .isEqualTo("bad url 'jdbc:postgresql://db.example/ard'");
    }

    @Test
    void secretsOfTheUrlShownOnTheirOwnBecomeStars() {
        assertThat(Messages.oneLine(
                        "host alice:pa55-in-userinfo@db.example unknown;\n sslpassword ssl-pa55 rejected; pa55-from-env",
                        CONFIG))
                .isEqualTo("host db.example unknown; sslpassword *** rejected; ***");
        // a harmless parameter value is left alone
        assertThat(Messages.oneLine("ssl=true", CONFIG)).isEqualTo("ssl=true");
        assertThat(StoreConfig.redact(null)).isEqualTo("(none)");
    }

    @Test
    void aScrubbedCopyKeepsStateStackAndCausesWithoutSecrets() {
        SQLException original = new SQLException(
                "Unable to parse URL " + URL,
                "08001",
                7,
                new UnknownHostException("alice:pa55-in-userinfo@db.example"));
        SQLException copy = Messages.scrubbed(original, CONFIG);
        assertThat(copy.getSQLState()).isEqualTo("08001");
        assertThat(copy.getErrorCode()).isEqualTo(7);
        assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(copy.getMessage()).isEqualTo("Unable to parse URL jdbc:postgresql://db.example:5432/ard");
        assertThat(copy.getCause().getMessage()).isEqualTo("java.net.UnknownHostException: db.example");
    }
}
