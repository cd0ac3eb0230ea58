package dev.ard.maven.extension;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code dev.ard:ard-surefire-reporter} as a dependency of every Surefire/Failsafe build plugin
 * that can use it, after checking once that it resolves: a reporter jar that cannot be downloaded
 * would otherwise fail the user's build when the plugin's class realm is created.
 */
@Named
@Singleton
public class ReporterInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterInstaller.class);

    private final RepositorySystem repositorySystem;

    @Inject
    public ReporterInstaller(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /**
     * Edits the projects' plugin models (call from {@code afterProjectsRead}, before build plans exist).
     *
     * @return the number of plugins the reporter was added to
     * @throws ArtifactResolutionException when the reporter does not resolve (nothing was changed then)
     */
    public int install(MavenSession session, String reporterVersion) throws ArtifactResolutionException {
        List<Plugin> targets = new ArrayList<>();
        MavenProject first = null;
        for (MavenProject project : session.getProjects()) {
            for (Plugin plugin : project.getBuildPlugins()) {
                if (ReporterInjection.wantsDependency(plugin)) {
                    targets.add(plugin);
                    first = first == null ? project : first;
                }
            }
        }
        if (targets.isEmpty()) {
            LOG.debug("ARD: no Surefire/Failsafe plugin can take the ARD reporter");
            return 0;
        }
        // The reporter is published next to the extension, so the first project's plugin repositories
        // stand for all; the realm build would resolve it the same way.
        DefaultArtifact reporter = new DefaultArtifact(
                ReporterInjection.REPORTER_GROUP_ID, ReporterInjection.REPORTER_ARTIFACT_ID, "jar", reporterVersion);
        // Maven 3.10.0 (Sisu 1.1.0) filters the resolver's lock name mappers by the realms visible from the thread's
        // context class loader; in a core extension's lifecycle callback that is the extension's realm, which does
        // not see the container realm they come from ("Unknown NameMapper name: 'file-gaecv', known ones: []").
        // Resolving with the container realm as context class loader sees them, on every Maven.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(containerRealm(session, previous));
        try {
            repositorySystem.resolveArtifact(
                    session.getRepositorySession(),
                    new ArtifactRequest(reporter, first.getRemotePluginRepositories(), null));
        } finally {
            thread.setContextClassLoader(previous);
        }
        for (Plugin plugin : targets) {
            ReporterInjection.addDependency(plugin, reporterVersion);
        }
        LOG.debug("ARD: added {} to {} Surefire/Failsafe plugin(s)", reporter, targets.size());
        return targets.size();
    }

    @SuppressWarnings("deprecation") // MavenSession.getContainer: the one way to the container realm in Maven 3
    private static ClassLoader containerRealm(MavenSession session, ClassLoader fallback) {
        try {
            return session.getContainer() == null
                    ? fallback
                    : session.getContainer().getContainerRealm();
        } catch (RuntimeException | LinkageError e) {
            return fallback; // Maven 4 without the Plexus container view: its resolver needs no help
        }
    }
}
