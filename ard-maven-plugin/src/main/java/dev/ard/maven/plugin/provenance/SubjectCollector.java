package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.maven.support.ArtifactFiles;
import dev.ard.maven.support.DeployedPom;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The subjects of a module's statement: its main artifact and every attached artifact (sources,
 * javadoc, SBOM, …), each named by the file name it is deployed under
 * ({@code <artifactId>-<version>[-<classifier>].<extension>}) with sha256 and sha512. A {@code pom}
 * module's subject is its POM (on Maven 4 the consumer POM, which is what it deploys); a jar module's POM is no
 * subject on Maven 3, so Maven 4's consumer and build POM attachments are none either ({@link DeployedPom}): the same
 * build attests the same files on both. Signing covers every deployed file, POMs included. Artifacts without a file (nothing packaged yet) or whose file cannot
 * be read are left out and reported in {@code problems}: a subject without a digest would be invalid.
 */
public final class SubjectCollector {
    private SubjectCollector() {}

    public static List<ResourceDescriptor> subjects(MavenProject project, List<String> problems) {
        List<ResourceDescriptor> subjects = new ArrayList<>();
        Artifact main = project.getArtifact();
        File mainFile = main.getFile();
        if (mainFile == null && "pom".equals(project.getPackaging())) {
            mainFile = DeployedPom.file(project); // Maven 4: the consumer POM, deployed as the module's .pom
        }
        add(subjects, main, mainFile, project, problems);
        for (Artifact attached : project.getAttachedArtifacts()) {
            if (!DeployedPom.isConsumerPom(attached) && !DeployedPom.isBuildPom(attached)) {
                add(subjects, attached, attached.getFile(), project, problems);
            }
        }
        subjects.sort(Comparator.comparing(ResourceDescriptor::name));
        return subjects;
    }

    private static void add(
            List<ResourceDescriptor> subjects,
            Artifact artifact,
            File file,
            MavenProject project,
            List<String> problems) {
        String name = fileName(artifact, project);
        if (file == null || file.isDirectory()) {
            // In a reactor built only to compile, Maven points the main artifact at target/classes.
            problems.add(name + ": not packaged (run ard:provenance after package)");
            return;
        }
        try {
            subjects.add(ResourceDescriptor.subject(name, Digests.sha256And512(file.toPath())));
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": cannot hash " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The name the artifact is deployed under; the version is the project's (a SNAPSHOT stays -SNAPSHOT). */
    static String fileName(Artifact artifact, MavenProject project) {
        String extension = ArtifactFiles.extension(artifact);
        if ("pom".equals(artifact.getType())
                || (artifact == project.getArtifact() && "pom".equals(project.getPackaging()))) {
            extension = "pom";
        }
        String classifier = artifact.getClassifier();
        return artifact.getArtifactId() + "-" + artifact.getBaseVersion()
                + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }
}
