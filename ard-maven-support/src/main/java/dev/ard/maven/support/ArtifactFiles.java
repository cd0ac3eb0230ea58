package dev.ard.maven.support;

import org.apache.maven.artifact.Artifact;

/** How Maven names an artifact's file. */
public final class ArtifactFiles {
    private ArtifactFiles() {}

    /** The file extension the artifact is deployed with: its handler's, else its type (a handler-less artifact). */
    public static String extension(Artifact artifact) {
        return artifact.getArtifactHandler() == null
                ? artifact.getType()
                : artifact.getArtifactHandler().getExtension();
    }
}
