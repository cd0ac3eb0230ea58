package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects every module's statement and, when the last expected module has reported, merges them
 * into one reactor-level statement: all modules' subjects, the union of their resolved dependencies,
 * their byproducts (annotated with the module), the union of active profiles. Which module is "last"
 * is decided by counting, not by reactor order, so it also holds for {@code -T} builds where modules
 * finish out of order. A failed build stops before the count is reached: no reactor statement then.
 */
public final class ReactorProvenance {
    private final List<Statement> modules = new ArrayList<>();
    private final List<String> moduleIds = new ArrayList<>();
    private int reported;

    /**
     * Records one module ({@code statement} may be {@code null} when it had nothing to attest) and
     * returns the merged statement when this was the {@code expected}-th report, else {@code null}.
     */
    public synchronized Statement report(
            String moduleId, Statement statement, int expected, Map<String, String> topProject) {
        reported++;
        if (statement != null) {
            modules.add(statement);
            moduleIds.add(moduleId);
        }
        if (reported != expected || modules.isEmpty()) {
            return null;
        }
        return merge(topProject);
    }

    private Statement merge(Map<String, String> topProject) {
        TreeSet<String> names = new TreeSet<>();
        List<ResourceDescriptor> subjects = new ArrayList<>();
        LinkedHashSet<ResourceDescriptor> deps = new LinkedHashSet<>();
        List<ResourceDescriptor> byproducts = new ArrayList<>();
        TreeSet<String> profiles = new TreeSet<>();
        for (int i = 0; i < modules.size(); i++) {
            Statement s = modules.get(i);
            for (ResourceDescriptor subject : s.subject()) {
                if (names.add(subject.name())) {
                    subjects.add(subject);
                }
            }
            Provenance.BuildDefinition bd = s.predicate().buildDefinition();
            deps.addAll(bd.resolvedDependencies());
            Object p = bd.externalParameters().get("profiles");
            if (p instanceof List<?> list) {
                list.forEach(x -> profiles.add(String.valueOf(x)));
            }
            for (ResourceDescriptor b : s.predicate().runDetails().byproducts()) {
                byproducts.add(b.withAnnotations(Map.of("module", moduleIds.get(i))));
            }
        }
        subjects.sort(Comparator.comparing(ResourceDescriptor::name));
        List<ResourceDescriptor> dependencies = new ArrayList<>(deps);
        DependencyCollector.sort(dependencies);
        byproducts.sort(Comparator.comparing(
                        (ResourceDescriptor b) -> String.valueOf(b.annotations().get("module")))
                .thenComparing(ResourceDescriptor::name));

        Statement first = modules.get(0);
        Provenance.BuildDefinition firstBd = first.predicate().buildDefinition();
        Map<String, Object> external = new java.util.LinkedHashMap<>(firstBd.externalParameters());
        external.put("profiles", List.copyOf(profiles));
        external.put("project", topProject);
        external.put("modules", moduleIds.stream().sorted().toList());
        Provenance provenance = new Provenance(
                new Provenance.BuildDefinition(
                        firstBd.buildType(), external, firstBd.internalParameters(), dependencies),
                new Provenance.RunDetails(first.predicate().runDetails().builder(), metadata(), byproducts));
        return Statement.of(subjects, provenance);
    }

    /** The build's invocation and start, and the latest module's finish. */
    private Provenance.BuildMetadata metadata() {
        Provenance.BuildMetadata first = modules.get(0).predicate().runDetails().metadata();
        java.time.Instant finished = modules.stream()
                .map(s -> s.predicate().runDetails().metadata().finishedOn())
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(first.finishedOn());
        return new Provenance.BuildMetadata(first.invocationId(), first.startedOn(), finished);
    }
}
