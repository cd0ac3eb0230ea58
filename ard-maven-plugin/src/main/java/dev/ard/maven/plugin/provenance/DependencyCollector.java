package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.ResourceDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;

/**
 * Everything a module's build used, as {@code resolvedDependencies} entries (kinds, in this order):
 * {@code dependency} (every resolved dependency, all scopes), {@code plugin} (every build plugin),
 * {@code plugin-dependency} (what those plugins resolved, one entry per artifact listing the plugins
 * that use it), {@code extension} (build extensions of the POM) and {@code core-extension}
 * ({@code .mvn/extensions.xml}).
 *
 * <p>Plugin dependency trees are resolved through a copy of the session set offline: provenance never
 * downloads anything. A build plugin that is not in the local repository did not run in this build
 * (Maven would have downloaded it), typically one bound to a later phase such as {@code deploy}: it is
 * left out, as it was not a dependency of this build ({@link #notInLocalRepository()}).
 */
public final class DependencyCollector {
    private static final List<String> KIND_ORDER =
            List.of("source", "dependency", "plugin", "plugin-dependency", "extension", "core-extension");
    /** Maven builds a plugin's class path from its compile and runtime dependencies. */
    private static final DependencyFilter RUNTIME = (node, parents) -> node.getDependency() == null
            || !("test".equals(node.getDependency().getScope()) || "provided".equals(node.getDependency().getScope()));

    private final RepositorySystem system;
    private final RepositorySystemSession offline;
    private final ArtifactDescriber describer;
    private final BuildState state;
    private final List<String> notInLocalRepository = new ArrayList<>();

    public DependencyCollector(RepositorySystem system, RepositorySystemSession session, BuildState state) {
        this.system = system;
        DefaultRepositorySystemSession copy = new DefaultRepositorySystemSession(session);
        copy.setOffline(true);
        this.offline = copy;
        this.describer = new ArtifactDescriber(session, state);
        this.state = state;
    }

    /** Project dependencies, plugins (with their dependencies when {@code pluginDependencies}), extensions. */
    public List<ResourceDescriptor> collect(MavenProject project, List<CoreExtensions.Coordinates> coreExtensions,
                                            boolean pluginDependencies, List<String> problems) {
        List<ResourceDescriptor> result = new ArrayList<>();
        for (org.apache.maven.artifact.Artifact a : project.getArtifacts()) {
            result.add(describer.describe(RepositoryUtils.toArtifact(a), a.getType(), project.getRemoteProjectRepositories(),
                    Map.of("kind", "dependency", "scope", a.getScope() == null ? "compile" : a.getScope()), problems));
        }
        Map<String, TreeSet<String>> usedBy = new TreeMap<>();
        Map<String, ResourceDescriptor> pluginDeps = new TreeMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getVersion() == null) {
                problems.add(plugin.getKey() + ": no version");
                continue;
            }
            Artifact jar = new DefaultArtifact(plugin.getGroupId(), plugin.getArtifactId(), "jar", plugin.getVersion());
            if (!isLocal(jar, project)) {
                // Not in the local repository, so not run by this build (it would have been downloaded).
                notInLocalRepository.add(plugin.getId());
                continue;
            }
            result.add(describer.describe(jar, "maven-plugin", project.getRemotePluginRepositories(), Map.of("kind", "plugin"), problems));
            if (pluginDependencies) {
                for (ResourceDescriptor d : pluginDependencies(plugin, jar, project, problems)) {
                    pluginDeps.putIfAbsent(d.uri(), d);
                    usedBy.computeIfAbsent(d.uri(), k -> new TreeSet<>()).add(plugin.getGroupId() + ":" + plugin.getArtifactId());
                }
            }
        }
        pluginDeps.forEach((uri, d) -> result.add(d.withAnnotations(Map.of("plugins", List.copyOf(usedBy.get(uri))))));
        for (Extension e : project.getBuildExtensions()) {
            Artifact jar = new DefaultArtifact(e.getGroupId(), e.getArtifactId(), "jar", e.getVersion());
            result.add(describer.describe(jar, "jar", project.getRemotePluginRepositories(), Map.of("kind", "extension"), problems));
        }
        for (CoreExtensions.Coordinates c : coreExtensions) {
            Artifact jar = new DefaultArtifact(c.groupId(), c.artifactId(), "jar", c.version());
            result.add(describer.describe(jar, "jar", project.getRemotePluginRepositories(), Map.of("kind", "core-extension"), problems));
        }
        return result;
    }

    /** Build plugins left out because the local repository does not have them: they did not run in this build. */
    public List<String> notInLocalRepository() {
        return List.copyOf(notInLocalRepository);
    }

    /** Source first, then by kind, then by purl; stable for equal inputs. */
    public static void sort(List<ResourceDescriptor> descriptors) {
        descriptors.sort(Comparator.comparingInt((ResourceDescriptor d) -> kindRank(d))
                .thenComparing(d -> d.uri() == null ? "" : d.uri())
                .thenComparing(d -> d.annotations().toString()));
    }

    private static int kindRank(ResourceDescriptor d) {
        int i = KIND_ORDER.indexOf(String.valueOf(d.annotations().get("kind")));
        return i < 0 ? KIND_ORDER.size() : i;
    }

    private boolean isLocal(Artifact jar, MavenProject project) {
        java.io.File file = offline.getLocalRepositoryManager()
                .find(offline, new LocalArtifactRequest(jar, project.getRemotePluginRepositories(), null)).getFile();
        return file != null && file.isFile();
    }

    private List<ResourceDescriptor> pluginDependencies(Plugin plugin, Artifact jar, MavenProject project, List<String> problems) {
        StringBuilder key = new StringBuilder(plugin.getId());
        plugin.getDependencies().forEach(d -> key.append('|').append(d.getManagementKey()).append(':').append(d.getVersion()));
        List<String> local = new ArrayList<>();
        List<ResourceDescriptor> deps = state.pluginDependencies().computeIfAbsent(key.toString(), k -> resolve(plugin, jar, project, local));
        problems.addAll(local);
        return deps;
    }

    private List<ResourceDescriptor> resolve(Plugin plugin, Artifact jar, MavenProject project, List<String> problems) {
        CollectRequest collect = new CollectRequest(new Dependency(jar, "runtime"), project.getRemotePluginRepositories());
        for (org.apache.maven.model.Dependency d : plugin.getDependencies()) {
            collect.addDependency(RepositoryUtils.toDependency(d, offline.getArtifactTypeRegistry()));
        }
        List<ArtifactResult> results;
        try {
            DependencyResult result = system.resolveDependencies(offline, new DependencyRequest(collect, RUNTIME));
            results = result.getArtifactResults();
        } catch (DependencyResolutionException e) {
            problems.add(plugin.getKey() + ": dependencies not all in the local repository (" + firstLine(e.getMessage()) + ")");
            results = e.getResult() == null ? List.of() : e.getResult().getArtifactResults();
        } catch (RuntimeException e) {
            problems.add(plugin.getKey() + ": cannot resolve its dependencies (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
        List<ResourceDescriptor> deps = new ArrayList<>();
        for (ArtifactResult r : results) {
            Artifact a = r.getArtifact();
            if (a == null || (a.getGroupId().equals(jar.getGroupId()) && a.getArtifactId().equals(jar.getArtifactId()))) {
                continue; // the plugin itself is its own entry
            }
            deps.add(describer.describe(a, a.getProperty("type", a.getExtension()), project.getRemotePluginRepositories(),
                    Map.of("kind", "plugin-dependency"), problems));
        }
        return List.copyOf(deps);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
