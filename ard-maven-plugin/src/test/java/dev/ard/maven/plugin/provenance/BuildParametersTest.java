package dev.ard.maven.plugin.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildParametersTest {
    private static final String STORE =
            "jdbc:postgresql://u:pw-in-userinfo@db:5432/ard?user=u&password=pw-in-query&sslpassword=ssl-pw";

    private static Properties user() {
        Properties p = new Properties();
        p.setProperty("revision", "1.2.3");
        p.setProperty("skipTests", "true");
        p.setProperty("my.password", "hunter2");
        p.setProperty("api.token", "tok-123");
        p.setProperty("aws.secretAccessKey", "AKIA");
        p.setProperty("signing.keyId", "ABCD");
        p.setProperty("ard.selection", "safe");
        p.setProperty("ard.store", STORE);
        p.setProperty("mirror.url", "https://user:pw@repo.example/maven2");
        p.setProperty("something.else", "x");
        return p;
    }

    @Test
    void defaultAllowListKeepsBuildShapingPropertiesOnly() {
        assertThat(BuildParameters.allowedProperties(user(), BuildParameters.DEFAULT_ALLOWED))
                .isEqualTo(Map.of("revision", "1.2.3", "skipTests", "true", "ard.selection", "safe"));
    }

    @Test
    void secretNamesNeverPassEvenWhenEverythingIsAllowed() {
        Map<String, String> all = BuildParameters.allowedProperties(user(), "*");
        assertThat(all)
                .doesNotContainKeys("my.password", "api.token", "aws.secretAccessKey", "signing.keyId", "ard.store")
                .containsKeys("revision", "something.else");
        assertThat(all.values()).noneMatch(v -> v.contains("hunter2") || v.contains("tok-123") || v.contains("AKIA"));
        assertThat(all.get("mirror.url")).as("URL user-info is removed").isEqualTo("https://repo.example/maven2");
    }

    @Test
    void theStoreLocationIsNeverRecordedWhateverTheAllowListOrItsValue() {
        Properties user = user();
        for (String allowList : List.of("*", "ard.*", "ard.store", "ard.store,revision")) {
            Map<String, String> recorded = BuildParameters.allowedProperties(user, allowList);
            assertThat(recorded).as(allowList).doesNotContainKey("ard.store");
            assertThat(String.join(" ", recorded.values()))
                    .as(allowList)
                    .doesNotContain("jdbc:", "pw-in-userinfo", "pw-in-query", "ssl-pw");
        }
        user.setProperty("ard.store", "/plain/path/telemetry.db");
        assertThat(BuildParameters.allowedProperties(user, "*")).doesNotContainKey("ard.store");
    }

    @Test
    void prefixPatterns() {
        assertThat(BuildParameters.allowedProperties(user(), " ard.* , revision "))
                .containsOnlyKeys("ard.selection", "revision");
        assertThat(BuildParameters.allowedProperties(user(), "")).isEmpty();
    }

    @Test
    void externalParametersNameSourceAndModule(@org.junit.jupiter.api.io.TempDir Path root) {
        GitState git = new GitState(
                true,
                "0123456789abcdef0123456789abcdef01234567",
                "main",
                false,
                false,
                "https://github.com/o/r.git",
                List.of(),
                null);
        Map<String, String> project = BuildParameters.project("g", "a", "1", root, root.resolve("lib/core"));
        Map<String, Object> external = BuildParameters.external(
                List.of("verify"), List.of("b", "a"), Map.of(), git, CiEnvironment.LOCAL, project);

        assertThat(external).containsEntry("goals", List.of("verify")).containsEntry("profiles", List.of("a", "b"));
        assertThat(external.get("source"))
                .isEqualTo(Map.of("repository", "https://github.com/o/r.git", "ref", "refs/heads/main"));
        assertThat(project).containsEntry("path", "lib/core");
        assertThat(BuildParameters.external(
                        List.of(), List.of(), Map.of(), GitState.unavailable("no"), CiEnvironment.LOCAL, project))
                .doesNotContainKey("source");
    }

    @Test
    void internalParameters() {
        Map<String, Object> internal = BuildParameters.internal("3.9.9", true, false);
        assertThat(internal)
                .containsEntry("maven", "3.9.9")
                .containsEntry("dirty", true)
                .containsEntry("offline", false)
                .containsKeys("java", "os");
    }
}
