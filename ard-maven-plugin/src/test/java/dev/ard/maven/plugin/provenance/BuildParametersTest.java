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

    private static Properties user() {
        Properties p = new Properties();
        p.setProperty("revision", "1.2.3");
        p.setProperty("skipTests", "true");
        p.setProperty("my.password", "hunter2");
        p.setProperty("api.token", "tok-123");
        p.setProperty("aws.secretAccessKey", "AKIA");
        p.setProperty("signing.keyId", "ABCD");
        p.setProperty("ard.selection", "safe");
        p.setProperty("ard.store", "jdbc:postgresql://db/ard");
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
                .doesNotContainKeys("my.password", "api.token", "aws.secretAccessKey", "signing.keyId")
                .containsKeys("revision", "something.else", "ard.store");
        assertThat(all.values()).noneMatch(v -> v.contains("hunter2") || v.contains("tok-123") || v.contains("AKIA"));
        assertThat(all.get("mirror.url")).as("URL user-info is removed").isEqualTo("https://repo.example/maven2");
    }

    @Test
    void prefixPatterns() {
        assertThat(BuildParameters.allowedProperties(user(), " ard.* , revision "))
                .containsOnlyKeys("ard.selection", "ard.store", "revision");
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
