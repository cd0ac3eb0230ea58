package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.ToolVersions;
import dev.ard.maven.support.BuildRoot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
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
        CiEnvironment ci = faults.call(
                "detecting the CI environment", () -> CiEnvironment.detect(System.getenv()), CiEnvironment.LOCAL);
        if (ci == null) {
            ci = CiEnvironment.LOCAL;
        }
        String run = properties.run();
        if (run != null) {
            // ard.run ties the shards of one run together where the CI's own id does not (or there is none)
            ci = new CiEnvironment(ci.provider(), ci.buildUrl(), run, ci.ref(), ci.baseRef());
        }
        // Reading git (JGit class loading, config, status) runs on a daemon thread beside project loading and
        // the build; the session end waits for it. The telemetry store's driver warms up the same way.
        CiEnvironment ciEnv = ci;
        CompletableFuture<GitState> git =
                CompletableFuture.supplyAsync(() -> inspectGit(root, ciEnv, faults), BACKGROUND);
        CompletableFuture.runAsync(TelemetryStores::warmUp, BACKGROUND);
        String mavenVersion = faults.call("reading the Maven version", runtime::getMavenVersion, null);
        return new BuildContext(
                UUID.randomUUID().toString(),
                start != null ? start.toInstant() : Instant.now(),
                root,
                git,
                ci,
                request.getGoals(),
                new ToolVersions(
                        mavenVersion != null ? mavenVersion : System.getProperty("maven.version"),
                        System.getProperty("java.version"),
                        BuildContext.currentOs()),
                BuildContext.recorded(properties.selection() == null ? SelectionMode.ALL : properties.selection()));
    }

    private static GitState inspectGit(Path root, CiEnvironment ci, Faults faults) {
        GitState failed = GitState.unavailable("git inspection failed");
        GitState git = faults.call("inspecting git", () -> GitInspector.inspect(root), failed);
        if (git == failed) {
            LOG.debug("ARD: recording the build without git details");
            return git;
        }
        git = GitFacts.effective(git, ci);
        String warning = GitFacts.warning(git);
        if (warning != null) {
            LOG.warn("ARD: {}", warning);
        }
        return git;
    }

    /** Daemon threads: a build that ends early never waits for ARD's background work (the session end joins what it needs). */
    static final Executor BACKGROUND = task -> {
        Thread thread = new Thread(task, "ard-background");
        thread.setDaemon(true);
        thread.start();
    };

    /** See {@link BuildRoot#of}. */
    public static Path rootDir(MavenSession session) {
        return BuildRoot.of(session);
    }
}
