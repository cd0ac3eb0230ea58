package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.ResourceDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;

/**
 * Everything a module's build used, as {@code resolvedDependencies} entries (kinds, in this order):
 * {@code dependency} (every resolved dependency, all scopes), {@code plugin} (every build plugin Maven
 * loaded in this build so far), {@code plugin-dependency} (the jars on those plugins' class paths, one
 * entry per file listing the plugins that use it), {@code extension} (build extensions of the POM) and
 * {@code core-extension} ({@code .mvn/extensions.xml}).
 *
 * <p>Plugin class paths are read from the class realms Maven built ({@link PluginRealms}): no
 * resolution, no download, and only what actually ran. A plugin bound to a later phase than
 * {@code ard:provenance} (install, deploy) has not been loaded yet and is left out
 * ({@link #notLoaded()}). Without realm information (another Maven), a plugin whose jar is in the local
 * repository is listed without its dependencies.
 */
public final class DependencyCollector {
    private static final List<String> KIND_ORDER =
            List.of("source", "dependency", "plugin", "plugin-dependency", "extension", "core-extension");
    /** Maven builds a plugin's class path from its compile and runtime dependencies. */
    private final RepositorySystemSession session;

    private final ArtifactDescriber describer;
    private final BuildState state;
    private final java.nio.file.Path localRepository;
    private final List<String> notLoaded = new ArrayList<>();

    public DependencyCollector(RepositorySystemSession session, BuildState state) {
        this.session = session;
        this.describer = new ArtifactDescriber(session, state);
        this.state = state;
        this.localRepository = session.getLocalRepository()
                .getBasedir()
                .toPath()
                .toAbsolutePath()
                .normalize();
    }

    /** Project dependencies, plugins (with their dependencies when {@code pluginDependencies}), extensions. */
    public List<ResourceDescriptor> collect(
            MavenProject project,
            List<CoreExtensions.Coordinates> coreExtensions,
            Collection<ClassRealm> realms,
            boolean pluginDependencies,
            List<String> problems) {
        List<ResourceDescriptor> result = new ArrayList<>();
        prehash(project.getArtifacts().stream()
                .map(org.apache.maven.artifact.Artifact::getFile)
                .toList());
        for (org.apache.maven.artifact.Artifact a : project.getArtifacts()) {
            result.add(describer.describe(
                    RepositoryUtils.toArtifact(a),
                    a.getType(),
                    project.getRemoteProjectRepositories(),
                    Map.of("kind", "dependency", "scope", a.getScope() == null ? "compile" : a.getScope()),
                    problems));
        }
        Map<String, TreeSet<String>> usedBy = new TreeMap<>();
        Map<String, ResourceDescriptor> pluginDeps = new TreeMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (plugin.getVersion() == null) {
                problems.add(plugin.getKey() + ": no version");
                continue;
            }
            Artifact jar = new DefaultArtifact(plugin.getGroupId(), plugin.getArtifactId(), "jar", plugin.getVersion());
            java.util.TreeSet<java.nio.file.Path> classPath = realms == null
                    ? null
                    : PluginRealms.files(realms, plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion());
            if (classPath == null && (realms != null || !isLocal(jar, project))) {
                // Maven never loaded it in this build (yet): bound to a later phase, or not run at all.
                notLoaded.add(plugin.getId());
                continue;
            }
            result.add(describer.describe(
                    jar, "maven-plugin", project.getRemotePluginRepositories(), Map.of("kind", "plugin"), problems));
            if (!pluginDependencies || classPath == null) {
                continue;
            }
            String pluginKey = plugin.getGroupId() + ":" + plugin.getArtifactId();
            prehash(classPath.stream().map(java.nio.file.Path::toFile).toList());
            for (java.nio.file.Path file : classPath) {
                Artifact a = ArtifactDescriber.artifactAt(localRepository, file);
                if (a != null
                        && a.getGroupId().equals(plugin.getGroupId())
                        && a.getArtifactId().equals(plugin.getArtifactId())) {
                    continue; // the plugin itself has its own entry
                }
                String cacheKey = file.toString();
                ResourceDescriptor d = pluginDeps.computeIfAbsent(cacheKey, k -> state.pluginDependencies()
                        .computeIfAbsent(
                                k,
                                f -> List.of(describer.describeFile(
                                        file,
                                        null,
                                        project.getRemotePluginRepositories(),
                                        Map.of("kind", "plugin-dependency"),
                                        problems)))
                        .get(0));
                usedBy.computeIfAbsent(cacheKey, k -> new TreeSet<>()).add(pluginKey);
            }
        }
        pluginDeps.forEach(
                (file, d) -> result.add(d.withAnnotations(Map.of("plugins", List.copyOf(usedBy.get(file))))));
        for (Extension e : project.getBuildExtensions()) {
            Artifact jar = new DefaultArtifact(e.getGroupId(), e.getArtifactId(), "jar", e.getVersion());
            result.add(describer.describe(
                    jar, "jar", project.getRemotePluginRepositories(), Map.of("kind", "extension"), problems));
        }
        for (CoreExtensions.Coordinates c : coreExtensions) {
            Artifact jar = new DefaultArtifact(c.groupId(), c.artifactId(), "jar", c.version());
            result.add(describer.describe(
                    jar, "jar", project.getRemotePluginRepositories(), Map.of("kind", "core-extension"), problems));
        }
        return result;
    }

    /** Build plugins left out because Maven did not load them in this build (so far). */
    public List<String> notLoaded() {
        return List.copyOf(notLoaded);
    }

    /**
     * Hashes the files on all cores first (the digests land in the build's cache); describing them
     * afterwards is then a cache lookup. A file that cannot be read is reported when it is described.
     */
    private void prehash(List<java.io.File> files) {
        files.parallelStream().filter(f -> f != null && f.isFile()).forEach(f -> {
            try {
                state.sha256(f.toPath());
            } catch (java.io.IOException | RuntimeException e) {
                // described (with the cause) below
            }
        });
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
        java.io.File file = session.getLocalRepositoryManager()
                .find(session, new LocalArtifactRequest(jar, project.getRemotePluginRepositories(), null))
                .getFile();
        return file != null && file.isFile();
    }
}
