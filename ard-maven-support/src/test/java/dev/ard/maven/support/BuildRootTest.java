package dev.ard.maven.support;

import static dev.ard.maven.support.MavenSessions.request;
import static dev.ard.maven.support.MavenSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.execution.MavenExecutionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRootTest {

    @TempDir
    Path dir;

    @Test
    void theMultiModuleDirectoryWins() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path module = Files.createDirectories(root.resolve("module"));
        MavenExecutionRequest request = request(new Properties(), new Properties());
        request.setMultiModuleProjectDirectory(root.resolve("module/..").toFile());

        assertThat(BuildRoot.of(session(request, module, new Properties()))).isEqualTo(root.toAbsolutePath());
    }

    @Test
    void elseTheTopLevelProjectsDirectory() {
        assertThat(BuildRoot.of(session(request(new Properties(), new Properties()), dir, new Properties())))
                .isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void elseTheExecutionRootDirectory() {
        MavenExecutionRequest request = request(new Properties(), new Properties());
        request.setBaseDirectory(dir.toFile());

        assertThat(BuildRoot.of(session(request, null, null))).isEqualTo(dir.toAbsolutePath());
    }
}
