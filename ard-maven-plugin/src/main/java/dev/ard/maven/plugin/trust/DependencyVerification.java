package dev.ard.maven.plugin.trust;

import dev.ard.core.trust.ConsumedArtifact;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystem;

/** Gathers what the build consumes and resolves the bundles: the Maven half of {@code ard:verify-dependencies}. */
public final class DependencyVerification {
    private static final String RAN = DependencyVerification.class.getName() + ".ran";

    /** The artifacts with their bundles, and what could not be resolved (one line each). */
    public record Outcome(List<ConsumedArtifact> artifacts, List<String> problems) {}

    private final MavenSession session;
    private final RepositorySystem system;
    private final ProjectDependenciesResolver dependencies;

    public DependencyVerification(
            MavenSession session, RepositorySystem system, ProjectDependenciesResolver dependencies) {
        this.session = session;
        this.system = system;
        this.dependencies = dependencies;
    }

    public Outcome gather(Path root) {
        ConsumedArtifacts collector = new ConsumedArtifacts(session, system, dependencies);
        List<ConsumedArtifacts.Found> found = collector.collect(root);
        return new Outcome(
                new BundleFetcher(system, session.getRepositorySession()).fetch(found), collector.problems());
    }

    /**
     * True when the check already ran in this session (bound in the POM and asked for by the extension, or bound in
     * several modules): it covers the whole reactor, so once is enough.
     */
    public static boolean alreadyRan(MavenSession session) {
        synchronized (DependencyVerification.class) {
            if (session.getRepositorySession().getData().get(RAN) != null) {
                return true;
            }
            session.getRepositorySession().getData().set(RAN, Boolean.TRUE);
            return false;
        }
    }
}
