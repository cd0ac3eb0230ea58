package dev.ard.maven.support;

import dev.ard.core.impact.ModuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;

/**
 * The reactor as the impact analysis sees it: each project's source, resource and class directories, and which
 * reactor projects it depends on (any scope, a test-jar too) or inherits from.
 */
public final class ReactorLayout {

    private ReactorLayout() {}

    /**
     * The layout of every project in {@code reactor}, in reactor order. Only {@code analyzed} projects get their
     * class directories: the others (not upstream of the module being selected for) only tell which module owns a
     * changed path, and their classes may not even be compiled yet.
     */
    public static List<ModuleInfo> of(List<MavenProject> reactor, Set<String> analyzed) {
        Map<String, MavenProject> byId = new HashMap<>();
        for (MavenProject project : reactor) {
            byId.put(moduleId(project), project);
        }
        List<ModuleInfo> modules = new ArrayList<>(reactor.size());
        for (MavenProject project : reactor) {
            String id = moduleId(project);
            boolean withClasses = analyzed.contains(id);
            Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
            modules.add(new ModuleInfo(
                    id,
                    base,
                    paths(base, project.getCompileSourceRoots()),
                    paths(base, project.getTestCompileSourceRoots()),
                    resources(base, project.getResources()),
                    resources(base, project.getTestResources()),
                    withClasses ? path(base, project.getBuild().getOutputDirectory()) : null,
                    withClasses ? path(base, project.getBuild().getTestOutputDirectory()) : null,
                    List.copyOf(upstream(project, byId))));
        }
        return modules;
    }

    /** {@code project} and every reactor project it depends on, transitively. */
    public static Set<String> withUpstream(MavenProject project, List<MavenProject> reactor) {
        Map<String, MavenProject> byId = new HashMap<>();
        for (MavenProject p : reactor) {
            byId.put(moduleId(p), p);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<MavenProject> queue = new ArrayList<>(List.of(project));
        while (!queue.isEmpty()) {
            MavenProject next = queue.remove(queue.size() - 1);
            if (seen.add(moduleId(next))) {
                for (String id : upstream(next, byId)) {
                    queue.add(byId.get(id));
                }
            }
        }
        return seen;
    }

    /** {@code groupId:artifactId}, the module id ARD stores. */
    public static String moduleId(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    private static Set<String> upstream(MavenProject project, Map<String, MavenProject> reactor) {
        Set<String> ids = new LinkedHashSet<>();
        for (Dependency dependency : project.getDependencies()) {
            String id = dependency.getGroupId() + ":" + dependency.getArtifactId();
            if (reactor.containsKey(id)) {
                ids.add(id);
            }
        }
        MavenProject parent = project.getParent();
        if (parent != null) {
            String id = moduleId(parent);
            if (reactor.containsKey(id)) {
                ids.add(id);
            }
        }
        ids.remove(moduleId(project));
        return ids;
    }

    private static List<Path> paths(Path base, List<String> dirs) {
        List<Path> paths = new ArrayList<>();
        if (dirs != null) {
            for (String dir : dirs) {
                paths.add(path(base, dir));
            }
        }
        return paths;
    }

    private static List<Path> resources(Path base, List<Resource> resources) {
        List<Path> paths = new ArrayList<>();
        if (resources != null) {
            for (Resource resource : resources) {
                if (resource.getDirectory() != null) {
                    paths.add(path(base, resource.getDirectory()));
                }
            }
        }
        return paths;
    }

    private static Path path(Path base, String dir) {
        Path path = Path.of(dir);
        return (path.isAbsolute() ? path : base.resolve(path)).toAbsolutePath().normalize();
    }
}
