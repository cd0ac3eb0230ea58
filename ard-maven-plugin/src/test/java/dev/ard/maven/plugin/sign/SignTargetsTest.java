package dev.ard.maven.plugin.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.verify.FileProblem;
import dev.ard.maven.plugin.TestArtifacts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files signed are the files deployed, under the names they are deployed as — on Maven 3 and on Maven 4. */
class SignTargetsTest {
    @TempDir
    Path dir;

    private static Artifact artifact(String classifier, String type, String extension, File file) {
        return TestArtifacts.artifact("lib", "1.0", classifier, type, extension, file);
    }

    private MavenProject project(Path jar) throws Exception {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("lib");
        model.setVersion("1.0");
        model.setPackaging("jar");
        MavenProject project = new MavenProject(model);
        project.setArtifact(artifact(null, "jar", "jar", jar.toFile()));
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project>build</project>")
                .toFile());
        return project;
    }

    @Test
    void maven3SignsPomXmlAsThePom() throws Exception {
        MavenProject project = project(Files.writeString(dir.resolve("lib.jar"), "jar"));
        List<SignTarget> targets = SignTargets.of(project, new ArrayList<FileProblem>());
        assertThat(targets).extracting(SignTarget::name).containsExactly("lib-1.0.pom", "lib-1.0.jar");
        assertThat(targets.get(0).file()).isEqualTo(dir.resolve("pom.xml"));
    }

    @Test
    void maven4SignsTheConsumerPomAsThePomAndTheBuildPomUnderItsOwnName() throws Exception {
        MavenProject project = project(Files.writeString(dir.resolve("lib.jar"), "jar"));
        Path consumer = Files.writeString(dir.resolve("lib-consumer.pom"), "<project>consumer</project>");
        Path build = Files.writeString(dir.resolve("lib-build.pom"), "<project>build</project>");
        project.addAttachedArtifact(artifact("consumer", "pom", "pom", consumer.toFile()));
        project.addAttachedArtifact(artifact("build", "pom", "pom", build.toFile()));
        List<SignTarget> targets = SignTargets.of(project, new ArrayList<FileProblem>());
        assertThat(targets)
                .extracting(SignTarget::name)
                .containsExactly("lib-1.0.pom", "lib-1.0.jar", "lib-1.0-build.pom");
        assertThat(targets.get(0).file()).isEqualTo(consumer);
        assertThat(targets.get(2).file()).isEqualTo(build);
    }
}
