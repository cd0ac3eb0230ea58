package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves the {@link BuildContext} of a session: root, git, CI, goals, versions. */
@Named
@Singleton
public class BuildContextFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BuildContextFactory.class);

    private final RuntimeInformation runtime;

    @Inject
    public BuildContextFactory(RuntimeInformation runtime) {
        this.runtime = runtime;
    }

    /** Never fails: a part that cannot be read is reported through {@code faults} and left empty. */
    public BuildContext create(MavenSession session, ArdProperties properties, Faults faults) {
        MavenExecutionRequest request = session.getRequest();
        Path root = rootDir(session);
        Date start = request.getStartTime();
        CiEnvironment ci = faults.call("detecting the CI environment", () -> CiEnvironment.detect(System.getenv()), CiEnvironment.LOCAL);
        if (ci == null) {
            ci = CiEnvironment.LOCAL;
        }
        GitState failed = GitState.unavailable("git inspection failed");
        GitState git = faults.call("inspecting git", () -> GitInspector.inspect(root), failed);
        if (git == failed) {
            LOG.debug("ARD: recording the build without git details");
        } else {
            git = GitFacts.effective(git, ci);
            String warning = GitFacts.warning(git);
            if (warning != null) {
                LOG.warn("ARD: {}", warning);
            }
        }
        String mavenVersion = faults.call("reading the Maven version", runtime::getMavenVersion, null);
        return new BuildContext(
                UUID.randomUUID().toString(),
                start != null ? start.toInstant() : Instant.now(),
                root,
                git,
                ci,
                request.getGoals(),
                mavenVersion != null ? mavenVersion : System.getProperty("maven.version"),
                System.getProperty("java.version"),
                BuildContext.currentOs(),
                properties.selection().id());
    }

    /**
     * The multi-module root (the directory holding {@code .mvn}); Maven sets it from {@code maven.multiModuleProjectDirectory}.
     * Embedded or odd launches may not: then the top-level project's directory, then the working directory.
     */
    public static Path rootDir(MavenSession session) {
        File multiModule = session.getRequest().getMultiModuleProjectDirectory();
        if (multiModule != null) {
            return multiModule.toPath().toAbsolutePath().normalize();
        }
        MavenProject top = session.getTopLevelProject();
        if (top != null && top.getBasedir() != null) {
            return top.getBasedir().toPath().toAbsolutePath().normalize();
        }
        return Path.of(session.getExecutionRootDirectory() != null ? session.getExecutionRootDirectory() : ".").toAbsolutePath().normalize();
    }
}
