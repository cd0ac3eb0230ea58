package dev.ard.maven.plugin.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.maven.plugin.TestArtifacts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectCollectorTest {
    @TempDir
    Path dir;

    private static Artifact artifact(String classifier, String type, String extension, File file) {
        return TestArtifacts.artifact("app", "1.0-SNAPSHOT", classifier, type, extension, file);
    }

    private MavenProject project(String packaging, Artifact main) {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("app");
        model.setVersion("1.0-SNAPSHOT");
        model.setPackaging(packaging);
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setArtifact(main);
        project.setFile(dir.resolve("pom.xml").toFile());
        return project;
    }

    @Test
    void mainAndAttachedArtifactsWithBothDigests() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "main");
        Path sources = Files.writeString(dir.resolve("app-sources.jar"), "sources");
        Path bom = Files.writeString(dir.resolve("bom.json"), "{}");
        MavenProject project = project("jar", artifact(null, "jar", "jar", jar.toFile()));
        project.addAttachedArtifact(artifact("sources", "java-source", "jar", sources.toFile()));
        project.addAttachedArtifact(artifact("cyclonedx", "json", "json", bom.toFile()));
        List<String> problems = new ArrayList<>();

        List<ResourceDescriptor> subjects = SubjectCollector.subjects(project, problems);

        assertThat(problems).isEmpty();
        assertThat(subjects)
                .extracting(ResourceDescriptor::name)
                .containsExactly(
                        "app-1.0-SNAPSHOT-cyclonedx.json", "app-1.0-SNAPSHOT-sources.jar", "app-1.0-SNAPSHOT.jar");
        assertThat(subjects.get(2).digest()).isEqualTo(Digests.sha256And512(jar));
    }

    @Test
    void artifactWithoutFileAndUnreadableFileAreProblemsNotSubjects() throws Exception {
        Path sources = Files.writeString(dir.resolve("app-sources.jar"), "sources");
        MavenProject project = project("jar", artifact(null, "jar", "jar", null));
        project.addAttachedArtifact(artifact("sources", "java-source", "jar", sources.toFile()));
        project.addAttachedArtifact(artifact(
                "javadoc", "javadoc", "jar", dir.resolve("missing-javadoc.jar").toFile()));
        project.addAttachedArtifact(artifact("dir", "jar", "jar", dir.toFile()));
        List<String> problems = new ArrayList<>();

        List<ResourceDescriptor> subjects = SubjectCollector.subjects(project, problems);

        assertThat(subjects).extracting(ResourceDescriptor::name).containsExactly("app-1.0-SNAPSHOT-sources.jar");
        assertThat(problems)
                .containsExactly(
                        "app-1.0-SNAPSHOT.jar: not packaged (run ard:provenance after package)",
                        "app-1.0-SNAPSHOT-javadoc.jar: cannot hash " + dir.resolve("missing-javadoc.jar")
                                + " (NoSuchFileException)",
                        "app-1.0-SNAPSHOT-dir.jar: not packaged (run ard:provenance after package)");
    }

    @Test
    void pomModuleAttestsItsPom() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        MavenProject project = project("pom", artifact(null, "pom", "pom", null));
        List<ResourceDescriptor> subjects = SubjectCollector.subjects(project, new ArrayList<>());
        assertThat(subjects).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("app-1.0-SNAPSHOT.pom");
            assertThat(s.digest()).containsEntry("sha256", Digests.sha256(pom));
        });
    }

    @Test
    void maven4ConsumerAndBuildPomsAreNoSubjectsButAPomModuleAttestsItsDeployedConsumerPom() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "main");
        Path consumer = Files.writeString(dir.resolve("app-consumer.pom"), "<project>consumer</project>");
        Path build = Files.writeString(dir.resolve("app-build.pom"), "<project>build</project>");
        MavenProject jarModule = project("jar", artifact(null, "jar", "jar", jar.toFile()));
        jarModule.addAttachedArtifact(artifact("consumer", "pom", "pom", consumer.toFile()));
        jarModule.addAttachedArtifact(artifact("build", "pom", "pom", build.toFile()));
        assertThat(SubjectCollector.subjects(jarModule, new ArrayList<>()))
                .extracting(ResourceDescriptor::name)
                .containsExactly("app-1.0-SNAPSHOT.jar");

        Files.writeString(dir.resolve("pom.xml"), "<project>build</project>");
        MavenProject pomModule = project("pom", artifact(null, "pom", "pom", null));
        pomModule.addAttachedArtifact(artifact("consumer", "pom", "pom", consumer.toFile()));
        pomModule.addAttachedArtifact(artifact("build", "pom", "pom", build.toFile()));
        assertThat(SubjectCollector.subjects(pomModule, new ArrayList<>()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("app-1.0-SNAPSHOT.pom");
                    assertThat(s.digest()).containsEntry("sha256", Digests.sha256(consumer));
                });
    }
}
