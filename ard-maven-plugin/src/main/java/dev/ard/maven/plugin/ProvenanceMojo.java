package dev.ard.maven.plugin;

import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.SourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.git.GitState;
import dev.ard.maven.plugin.provenance.ArtifactDescriber;
import dev.ard.maven.plugin.provenance.BuildParameters;
import dev.ard.maven.plugin.provenance.BuildState;
import dev.ard.maven.plugin.provenance.Byproducts;
import dev.ard.maven.plugin.provenance.CoreExtensions;
import dev.ard.maven.plugin.provenance.DependencyCollector;
import dev.ard.maven.plugin.provenance.ReactorCount;
import dev.ard.maven.plugin.provenance.SubjectCollector;
import dev.ard.maven.support.BuildRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Writes SLSA provenance v1 (an in-toto Statement v1) for this module to
 * <code>target/ard/&lt;artifactId&gt;-&lt;version&gt;.provenance.json</code>: every attached artifact as
 * a subject (sha256 + sha512), the git source, every resolved dependency, build plugin (with its
 * dependencies) and extension with purl, sha256 and repository, the builder from the CI, and the SBOM
 * and test-selection record as byproducts. When the last module of a multi-module build has run, the
 * top-level project also gets <code>&lt;artifactId&gt;-&lt;version&gt;.reactor.provenance.json</code> covering
 * every module. Fields: {@code docs/provenance-buildtype.md}. Nothing is downloaded for it.
 *
 * <p>What it claims: SLSA Build L1. It is written inside the build it describes, so even signed it
 * is not L2; pair it with the CI's own provenance for that.
 */
@Mojo(
        name = "provenance",
        defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class ProvenanceMojo extends AbstractMojo {
    /** ARD's buildType URI, documented in docs/provenance-buildtype.md. */
    public static final String BUILD_TYPE = "https://ard.dev/maven/provenance/v1";

    /** Skips writing provenance for this module. */
    @Parameter(property = "ard.provenance.skip", defaultValue = "false")
    private boolean skip;

    /** Fails the build when the git working tree has uncommitted changes (or cannot be inspected) instead of recording {@code dirty: true}. */
    @Parameter(property = "ard.provenance.requireClean", defaultValue = "false")
    private boolean requireClean;

    /**
     * Comma-separated {@code -D} user properties recorded in {@code externalParameters.properties}: exact
     * names or {@code prefix*}. Names that look secret ({@code *password*}, {@code *token*},
     * {@code *secret*}, {@code *key*}, {@code *credential*}, …) are never recorded, whatever this says.
     */
    @Parameter(property = "ard.provenance.properties", defaultValue = BuildParameters.DEFAULT_ALLOWED)
    private String properties;

    /** Also lists the jars on every loaded build plugin's class path (read from the class realms Maven built). */
    @Parameter(property = "ard.provenance.pluginDependencies", defaultValue = "true")
    private boolean pluginDependencies;

    /** Writes the reactor-level statement in the top-level project when the last module is done (multi-module builds). */
    @Parameter(property = "ard.provenance.reactor", defaultValue = "true")
    private boolean reactor;

    /** Where the statements are written. */
    @Parameter(property = "ard.provenance.outputDirectory", defaultValue = "${project.build.directory}/ard")
    private File outputDirectory;

    /** The test-selection record written by ARD's extension; absent means mode {@code none}. */
    @Parameter(
            property = "ard.provenance.selectionFile",
            defaultValue = "${project.build.directory}/ard/selection.json")
    private File selectionFile;

    /** Fails the build when the provenance is incomplete (a file that cannot be hashed, a plugin not resolvable) instead of one WARN line. */
    @Parameter(property = "ard.strict", defaultValue = "false")
    private boolean strict;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenSession session;
    private final RuntimeInformation runtime;

    @Inject
    public ProvenanceMojo(MavenSession session, RuntimeInformation runtime) {
        this.session = session;
        this.runtime = runtime;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        Path root = BuildRoot.of(session);
        BuildState state = BuildState.of(session.getRepositorySession().getData(), root, System.getenv());
        if (skip) {
            getLog().info("ARD: provenance skipped (ard.provenance.skip)");
            reportToReactor(state, null);
            return;
        }
        checkWorkingTree(state.git());
        List<String> problems = new ArrayList<>();
        List<ResourceDescriptor> subjects = SubjectCollector.subjects(project, problems);
        if (subjects.isEmpty()) {
            String why = "ARD: no provenance for " + project.getArtifactId() + ": no artifact to attest ("
                    + (problems.isEmpty() ? "the module attaches none" : problems.get(0)) + ")";
            if (strict) {
                throw new MojoFailureException(why + " [ard.strict]");
            }
            getLog().warn(why);
            reportToReactor(state, null);
            return;
        }
        Statement statement = statement(state, root, subjects, problems);
        if (!problems.isEmpty()) {
            String message = "ARD: provenance of " + project.getArtifactId() + " is incomplete, " + problems.size()
                    + " problem(s): " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, see -X)" : "");
            if (strict) {
                throw new MojoFailureException(message + " [ard.strict]");
            }
            getLog().warn(message);
            problems.forEach(p -> getLog().debug("ARD: provenance: " + p));
        }
        Path file = write(
                statement,
                outputDirectory
                        .toPath()
                        .resolve(project.getArtifactId() + "-" + project.getVersion() + ".provenance.json"));
        getLog().info("ARD: provenance of " + subjects.size() + " artifact(s) and "
                + statement.predicate().buildDefinition().resolvedDependencies().size()
                + " resolved dependencies written to " + file
                + String.format(java.util.Locale.ROOT, " (%.2f s)", (System.nanoTime() - start) / 1e9));
        reportToReactor(state, statement);
    }

    private Statement statement(BuildState state, Path root, List<ResourceDescriptor> subjects, List<String> problems) {
        GitState git = state.git();
        List<ResourceDescriptor> dependencies = new ArrayList<>();
        ResourceDescriptor source = SourceDescriptor.of(git, state.ci());
        if (source != null) {
            dependencies.add(source);
        }
        List<CoreExtensions.Coordinates> extensions = List.of();
        try {
            extensions = CoreExtensions.read(root);
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        DependencyCollector collector = new DependencyCollector(session.getRepositorySession(), state);
        java.util.Collection<org.codehaus.plexus.classworlds.realm.ClassRealm> realms = plugin.getClassRealm() == null
                ? null
                : plugin.getClassRealm().getWorld().getRealms();
        dependencies.addAll(collector.collect(project, extensions, realms, pluginDependencies, problems));
        if (!collector.notLoaded().isEmpty()) {
            getLog().debug("ARD: provenance leaves out plugins Maven has not loaded in this build: "
                    + collector.notLoaded());
        }
        DependencyCollector.sort(dependencies);

        Map<String, String> projectParameters = BuildParameters.project(
                project.getGroupId(),
                project.getArtifactId(),
                project.getVersion(),
                root,
                project.getBasedir().toPath());
        String outputTimestamp = project.getProperties().getProperty("project.build.outputTimestamp");
        if (outputTimestamp != null && !outputTimestamp.isBlank()) {
            // what a rebuild must set to get the same archives (reproducible builds)
            projectParameters.put("outputTimestamp", outputTimestamp.trim());
        }
        Map<String, Object> external = BuildParameters.external(
                session.getGoals(),
                project.getActiveProfiles().stream().map(p -> p.getId()).toList(),
                BuildParameters.allowedProperties(session.getUserProperties(), properties),
                git,
                state.ci(),
                projectParameters);
        Map<String, Object> internal =
                BuildParameters.internal(runtime.getMavenVersion(), git.dirty(), session.isOffline());

        Provenance provenance = new Provenance(
                new Provenance.BuildDefinition(BUILD_TYPE, external, internal, dependencies),
                new Provenance.RunDetails(
                        builder(state, problems),
                        new Provenance.BuildMetadata(
                                state.builder().invocationId(),
                                session.getRequest().getStartTime().toInstant(),
                                Instant.now()),
                        Byproducts.of(project, selectionFile.toPath(), problems)));
        return Statement.of(subjects, provenance);
    }

    private Provenance.Builder builder(BuildState state, List<String> problems) {
        List<ResourceDescriptor> own = new ArrayList<>();
        if (plugin.getPluginArtifact() != null) {
            own.add(new ArtifactDescriber(session.getRepositorySession(), state)
                    .describe(
                            RepositoryUtils.toArtifact(plugin.getPluginArtifact()),
                            "maven-plugin",
                            project.getRemotePluginRepositories(),
                            Map.of("kind", "builder"),
                            problems));
        }
        return new Provenance.Builder(
                state.builder().id(), Map.of("ard", plugin.getVersion(), "maven", runtime.getMavenVersion()), own);
    }

    /** Git problems and a dirty tree are one WARN per build; with requireClean they fail it. */
    private void checkWorkingTree(GitState git) throws MojoFailureException {
        String problem = null;
        if (!git.available() || git.commit() == null) {
            problem = (git.problem() == null ? "no commit checked out" : git.problem())
                    + ": the provenance names no source commit";
        } else if (git.dirty()) {
            problem = "the working tree has " + git.changes().size() + " uncommitted change(s) (first: "
                    + git.changes().get(0).path() + "): the provenance records dirty: true";
        }
        if (problem == null) {
            return;
        }
        if (requireClean) {
            throw new MojoFailureException(
                    "ARD: " + problem.substring(0, problem.indexOf(": the provenance"))
                            + ", and ard.provenance.requireClean is set: commit or stash the changes, or build from a clean checkout");
        }
        BuildState state =
                BuildState.of(session.getRepositorySession().getData(), BuildRoot.of(session), System.getenv());
        if (state.firstGitWarning()) {
            getLog().warn("ARD: " + problem);
        }
    }

    private void reportToReactor(BuildState state, Statement statement) throws MojoExecutionException {
        if (!reactor || session.getProjects().size() < 2) {
            return;
        }
        MavenProject top = session.getTopLevelProject();
        Statement merged = state.reactor()
                .report(
                        project.getGroupId() + ":" + project.getArtifactId(),
                        statement,
                        ReactorCount.expected(session),
                        BuildParameters.project(
                                top.getGroupId(),
                                top.getArtifactId(),
                                top.getVersion(),
                                BuildRoot.of(session),
                                top.getBasedir().toPath()));
        if (merged != null) {
            Path file = write(
                    merged,
                    Path.of(
                            top.getBuild().getDirectory(),
                            "ard",
                            top.getArtifactId() + "-" + top.getVersion() + ".reactor.provenance.json"));
            getLog().info("ARD: reactor provenance of " + merged.subject().size() + " artifact(s) written to " + file);
        }
    }

    private static Path write(Statement statement, Path file) throws MojoExecutionException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, ProvenanceJson.write(statement));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "ARD: cannot write " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }
}
