package dev.ard.maven.plugin;

import java.io.File;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;

/** Maven artifacts of group {@code g} for tests, as Maven's project model holds them. */
public final class TestArtifacts {
    private TestArtifacts() {}

    /** @param classifier {@code null} for the main artifact; {@code file} may be {@code null} (not packaged) */
    public static Artifact artifact(
            String artifactId, String version, String classifier, String type, String extension, File file) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
        handler.setExtension(extension);
        DefaultArtifact a = new DefaultArtifact("g", artifactId, version, "compile", type, classifier, handler);
        a.setFile(file);
        return a;
    }
}
