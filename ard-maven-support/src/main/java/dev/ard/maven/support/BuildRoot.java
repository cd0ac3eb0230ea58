package dev.ard.maven.support;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Where a build's ARD files live ({@code .ard/}): the multi-module root. */
public final class BuildRoot {

    private BuildRoot() {}

    /**
     * The multi-module root (the directory holding {@code .mvn}); Maven sets it from {@code maven.multiModuleProjectDirectory}.
     * Embedded or odd launches may not: then the top-level project's directory, then the working directory.
     */
    public static Path of(MavenSession session) {
        File multiModule = session.getRequest().getMultiModuleProjectDirectory();
        if (multiModule != null) {
            return multiModule.toPath().toAbsolutePath().normalize();
        }
        MavenProject top = session.getTopLevelProject();
        if (top != null && top.getBasedir() != null) {
            return top.getBasedir().toPath().toAbsolutePath().normalize();
        }
        return Path.of(session.getExecutionRootDirectory() != null ? session.getExecutionRootDirectory() : ".")
                .toAbsolutePath()
                .normalize();
    }
}
