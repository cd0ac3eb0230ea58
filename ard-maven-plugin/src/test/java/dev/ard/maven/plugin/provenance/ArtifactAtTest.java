package dev.ard.maven.plugin.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.aether.artifact.Artifact;
import org.junit.jupiter.api.Test;

/** Coordinates read back from a default-layout repository path (plugin class-path jars). */
class ArtifactAtTest {
    private static final Path REPO = Path.of("/m2/repository");

    @Test
    void plainClassifiedAndSnapshotJars() {
        Artifact plain = ArtifactDescriber.artifactAt(
                REPO, REPO.resolve("org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar"));
        assertThat(plain.toString()).isEqualTo("org.apache.commons:commons-lang3:jar:3.14.0");
        assertThat(plain.getFile())
                .isEqualTo(REPO.resolve("org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar")
                        .toFile());

        Artifact classified = ArtifactDescriber.artifactAt(
                REPO,
                REPO.resolve(
                        "io/netty/netty-transport-native-epoll/4.1.0/netty-transport-native-epoll-4.1.0-linux-x86_64.jar"));
        assertThat(classified.toString()).isEqualTo("io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.0");

        Artifact snapshot =
                ArtifactDescriber.artifactAt(REPO, REPO.resolve("g/a/1.0-SNAPSHOT/a-1.0-20260101.120000-3.jar"));
        assertThat(snapshot.getVersion()).isEqualTo("1.0-20260101.120000-3");
        assertThat(snapshot.getBaseVersion()).isEqualTo("1.0-SNAPSHOT");
    }

    @Test
    void filesOutsideTheRepositoryOrOddlyNamedAreNotArtifacts() {
        assertThat(ArtifactDescriber.artifactAt(REPO, Path.of("/work/plugin/target/plugin-1.0.jar")))
                .isNull();
        assertThat(ArtifactDescriber.artifactAt(REPO, REPO.resolve("g/a/1.0/other-1.0.jar")))
                .isNull();
        assertThat(ArtifactDescriber.artifactAt(REPO, REPO.resolve("a/1.0/a-1.0.jar")))
                .isNull();
    }
}
