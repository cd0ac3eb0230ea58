package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigResolverTest {

    @TempDir
    Path root;

    private static final Function<String, Optional<Credentials>> NO_SERVERS = id -> Optional.empty();
    private static final String PG = "jdbc:postgresql://db.example:5432/ard";

    @Test
    void defaultIsSqliteUnderTheRoot() {
        StoreConfig config = StoreConfigResolver.resolve(root, Map.of(), Map.of(), NO_SERVERS);

        assertThat(config).isEqualTo(new StoreConfig("jdbc:sqlite:" + root.resolve(".ard/telemetry.db"), null, null));
        assertThat(StoreConfigResolver.defaultSpoolDir(root)).isEqualTo(root.resolve(".ard/pending"));
    }

    @Test
    void propertyWinsOverEnvironment() {
        StoreConfig config = StoreConfigResolver.resolve(
                root, Map.of("ard.store", PG), Map.of("ARD_STORE", "jdbc:postgresql://other/x"), NO_SERVERS);

        assertThat(config.jdbcUrl()).isEqualTo(PG);
    }

    @Test
    void environmentWhenNoProperty() {
        StoreConfig config =
                StoreConfigResolver.resolve(root, Map.of("ard.store", "  "), Map.of("ARD_STORE", PG), NO_SERVERS);

        assertThat(config.jdbcUrl()).isEqualTo(PG);
    }

    @Test
    void pathsBecomeSqliteUrlsRelativeToTheRoot() throws Exception {
        assertThat(StoreConfigResolver.resolve(root, Map.of("ard.store", "../shared/t.db"), Map.of(), NO_SERVERS)
                        .jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + root.getParent().resolve("shared/t.db"));
        assertThat(StoreConfigResolver.resolve(root, Map.of("ard.store", "/abs/x.db"), Map.of(), NO_SERVERS)
                        .jdbcUrl())
                .isEqualTo("jdbc:sqlite:/abs/x.db");
        assertThat(StoreConfigResolver.resolve(root, Map.of(), Map.of("ARD_STORE", "jdbc:sqlite:rel/y.db"), NO_SERVERS)
                        .jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + root.resolve("rel/y.db"));
        Files.createDirectories(root.resolve("cache"));
        assertThat(StoreConfigResolver.resolve(root, Map.of("ard.store", "cache"), Map.of(), NO_SERVERS)
                        .jdbcUrl())
                .isEqualTo("jdbc:sqlite:" + root.resolve("cache/telemetry.db"));
    }

    @Test
    void serverIdCredentialsWinOverEnvironment() {
        List<String> asked = new ArrayList<>();
        Function<String, Optional<Credentials>> servers = id -> {
            asked.add(id);
            return Optional.of(new Credentials("from-settings", "settings-pw"));
        };

        StoreConfig config = StoreConfigResolver.resolve(
                root,
                Map.of("ard.store", PG, "ard.store.server", "ard-db"),
                Map.of("ARD_STORE_USER", "env-user", "ARD_STORE_PASSWORD", "env-pw"),
                servers);

        assertThat(asked).containsExactly("ard-db");
        assertThat(config).isEqualTo(new StoreConfig(PG, "from-settings", "settings-pw"));
    }

    @Test
    void environmentCredentialsWithoutServerIdOrForAnUnknownServer() {
        Map<String, String> env =
                Map.of("ARD_STORE", PG, "ARD_STORE_USER", "env-user", "ARD_STORE_PASSWORD", " pw with spaces ");

        assertThat(StoreConfigResolver.resolve(root, Map.of(), env, id -> {
                    throw new AssertionError("no server id was given");
                }))
                .isEqualTo(new StoreConfig(PG, "env-user", " pw with spaces "));
        assertThat(StoreConfigResolver.resolve(root, Map.of("ard.store.server", "unknown"), env, NO_SERVERS))
                .isEqualTo(new StoreConfig(PG, "env-user", " pw with spaces "));
    }

    @Test
    void passwordsNeverShowInToString() {
        StoreConfig config = StoreConfigResolver.resolve(
                root,
                Map.of("ard.store", PG + "?ssl=true&password=inurl"),
                Map.of("ARD_STORE_USER", "u", "ARD_STORE_PASSWORD", "env-secret"),
                NO_SERVERS);

        assertThat(config.toString())
                .doesNotContain("inurl")
                .doesNotContain("env-secret")
                .contains("password=***")
                .contains("user=u");
        assertThat(new Credentials("u", "cred-secret").toString()).isEqualTo("Credentials[user=u, password=***]");
        assertThat(new Credentials("u", null).toString()).isEqualTo("Credentials[user=u, password=null]");
    }
}
