package dev.ard.maven.plugin.trust;

import dev.ard.core.trust.ArtifactCoordinates;
import dev.ard.maven.plugin.provenance.CoreExtensions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResult;

/**
 * Everything a build consumes, resolved the way Maven does it: every dependency of every reactor module (all scopes,
 * transitive; by Maven's own {@link ProjectDependenciesResolver}), every build plugin and build extension with its
 * runtime dependencies, and the core extensions of {@code .mvn/extensions.xml}. Reactor modules are exempt (they are
 * what is being built). Each artifact once, with the kind it was first met as and the remote repositories it may come
 * from; system-scoped files have no repository and are left out.
 */
final class ConsumedArtifacts {
    /** One artifact to check and where its bundle may come from. */
    record Found(ArtifactCoordinates coordinates, String kind, Path file, List<RemoteRepository> repositories) {}

    private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

    private final MavenSession session;
    private final RepositorySystem system;
    private final ProjectDependenciesResolver dependencies;
    private final Set<String> reactor;
    private final Map<String, Found> found = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    ConsumedArtifacts(MavenSession session, RepositorySystem system, ProjectDependenciesResolver dependencies) {
        this.session = session;
        this.system = system;
        this.dependencies = dependencies;
        this.reactor = session.getProjects().stream()
                .map(p -> p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())
                .collect(Collectors.toSet());
    }

    /** Collects everything; what could not be resolved is in {@link #problems()}. */
    List<Found> collect(Path root) {
        RepositorySystemSession repo = session.getRepositorySession();
        for (MavenProject project : session.getProjects()) {
            projectDependencies(project, repo);
        }
        for (MavenProject project : session.getProjects()) {
            for (Plugin plugin : project.getBuildPlugins()) {
                withRuntimeDependencies(
                        plugin.getGroupId(),
                        plugin.getArtifactId(),
                        plugin.getVersion(),
                        plugin.getDependencies(),
                        "plugin",
                        project.getRemotePluginRepositories(),
                        repo);
            }
            for (org.apache.maven.model.Extension e : project.getBuildExtensions()) {
                withRuntimeDependencies(
                        e.getGroupId(),
                        e.getArtifactId(),
                        e.getVersion(),
                        List.of(),
                        "extension",
                        project.getRemotePluginRepositories(),
                        repo);
            }
        }
        List<RemoteRepository> pluginRepos = session.getTopLevelProject() == null
                ? List.of()
                : session.getTopLevelProject().getRemotePluginRepositories();
        try {
            for (CoreExtensions.Coordinates c : CoreExtensions.read(root)) {
                withRuntimeDependencies(
                        c.groupId(), c.artifactId(), c.version(), List.of(), "core-extension", pluginRepos, repo);
            }
        } catch (java.io.IOException e) {
            problems.add(e.getMessage());
        }
        return List.copyOf(found.values());
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void projectDependencies(MavenProject project, RepositorySystemSession repo) {
        DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project, repo);
        request.setResolutionFilter((node, parents) -> node.getArtifact() == null || !isReactor(node.getArtifact()));
        DependencyResolutionResult result;
        try {
            result = dependencies.resolve(request);
        } catch (DependencyResolutionException e) {
            result = e.getResult();
            problems.add(project.getArtifactId() + ": " + oneLine(e));
        }
        if (result == null) {
            return;
        }
        for (org.eclipse.aether.graph.Dependency d : result.getDependencies()) {
            Artifact a = d.getArtifact();
            if (!"system".equals(d.getScope()) && !isReactor(a)) {
                add(a, "dependency", project.getRemoteProjectRepositories());
            }
        }
    }

    private void withRuntimeDependencies(
            String groupId,
            String artifactId,
            String version,
            List<Dependency> extra,
            String kind,
            List<RemoteRepository> repositories,
            RepositorySystemSession repo) {
        if (version == null || version.isBlank()) {
            problems.add(groupId + ":" + artifactId + ": no version");
            return;
        }
        if (reactor.contains(groupId + ":" + artifactId + ":" + version)) {
            return;
        }
        ArtifactTypeRegistry types = repo.getArtifactTypeRegistry();
        CollectRequest collect = new CollectRequest();
        collect.setRoot(new org.eclipse.aether.graph.Dependency(
                new DefaultArtifact(groupId, artifactId, "jar", version), "runtime"));
        extra.forEach(d -> collect.addDependency(RepositoryUtils.toDependency(d, types)));
        collect.setRepositories(repositories);
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || RUNTIME_SCOPES.contains(node.getDependency().getScope());
        DependencyResult result;
        try {
            result = system.resolveDependencies(repo, new DependencyRequest(collect, runtime));
        } catch (org.eclipse.aether.resolution.DependencyResolutionException e) {
            result = e.getResult();
            problems.add(groupId + ":" + artifactId + ":" + version + ": " + oneLine(e));
        }
        if (result == null) {
            return;
        }
        boolean first = true;
        for (ArtifactResult r : result.getArtifactResults()) {
            if (r.getArtifact() != null && !isReactor(r.getArtifact())) {
                add(r.getArtifact(), first ? kind : kind + "-dependency", repositories);
            }
            first = false;
        }
    }

    private void add(Artifact a, String kind, List<RemoteRepository> repositories) {
        File file = a.getFile();
        ArtifactCoordinates c = new ArtifactCoordinates(
                a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getClassifier(), a.getExtension());
        found.putIfAbsent(c.toString(), new Found(c, kind, file == null ? null : file.toPath(), repositories));
    }

    private boolean isReactor(Artifact a) {
        return reactor.contains(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion());
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
