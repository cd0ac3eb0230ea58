package dev.ard.maven.support;

import java.io.File;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The POM a module deploys as {@code <artifactId>-<version>.pom}. Maven 3 deploys the project's {@code pom.xml}.
 * Maven 4 attaches a consumer POM (classifier {@code consumer}, deployed under the plain {@code .pom} name in place of
 * {@code pom.xml}) and a build POM (classifier {@code build}, deployed as {@code -build.pom}). Whoever signs or
 * attests "the POM" must take the file that is deployed under that name.
 */
public final class DeployedPom {
    private DeployedPom() {}

    /** The file deployed as the module's {@code .pom}: Maven 4's consumer POM when attached, else {@code pom.xml}. */
    public static File file(MavenProject project) {
        for (Artifact attached : project.getAttachedArtifacts()) {
            if (isConsumerPom(attached) && attached.getFile() != null) {
                return attached.getFile();
            }
        }
        return project.getFile();
    }

    /** Maven 4's consumer POM attachment, which is deployed as the module's {@code .pom}, not under its classifier. */
    public static boolean isConsumerPom(Artifact artifact) {
        return isPom(artifact) && "consumer".equals(artifact.getClassifier());
    }

    /**
     * Maven 4's build POM attachment, deployed as {@code -build.pom} (byte for byte {@code pom.xml}). Known gap
     * (4.0.0-rc-7): it is not attached yet when ARD signs at {@code verify}, and the {@code -build.pom.sigstore.json}
     * deployed beside it is Maven 4's copy of the {@code .pom} bundle, which signs the consumer POM.
     */
    public static boolean isBuildPom(Artifact artifact) {
        return isPom(artifact) && "build".equals(artifact.getClassifier());
    }

    private static boolean isPom(Artifact artifact) {
        String extension = ArtifactFiles.extension(artifact);
        return "pom".equals(extension) || "pom".equals(artifact.getType());
    }
}
