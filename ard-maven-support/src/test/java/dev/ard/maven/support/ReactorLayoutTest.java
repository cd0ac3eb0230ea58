package dev.ard.maven.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.ModuleInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reactor as the impact analysis sees it, from real {@link MavenProject}s built on {@link Model}s. */
class ReactorLayoutTest {

    private static final String G = "com.acme";

    @TempDir
    Path dir;

    /** A module under {@code dir/<artifactId>} laid out the way the effective POM describes it (absolute directories). */
    private MavenProject module(String artifactId, Dependency... dependencies) {
        Path base = dir.resolve(artifactId);
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId(G);
        model.setArtifactId(artifactId);
        model.setVersion("1.0-SNAPSHOT");
        Build build = new Build();
        build.setDirectory(base.resolve("target").toString());
        build.setOutputDirectory(base.resolve("target/classes").toString());
        build.setTestOutputDirectory(base.resolve("target/test-classes").toString());
        build.addResource(resource(base.resolve("src/main/resources").toString()));
        build.addTestResource(resource(base.resolve("src/test/resources").toString()));
        model.setBuild(build);
        for (Dependency dependency : dependencies) {
            model.addDependency(dependency);
        }
        MavenProject project = new MavenProject(model);
        project.setFile(base.resolve("pom.xml").toFile());
        project.addCompileSourceRoot(base.resolve("src/main/java").toString());
        project.addTestCompileSourceRoot(base.resolve("src/test/java").toString());
        return project;
    }

    private static Resource resource(String directory) {
        Resource resource = new Resource();
        resource.setDirectory(directory);
        return resource;
    }

    private static Dependency on(String groupId, String artifactId) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(groupId);
        dependency.setArtifactId(artifactId);
        dependency.setVersion("1.0-SNAPSHOT");
        return dependency;
    }

    private static Dependency on(String artifactId) {
        return on(G, artifactId);
    }

    private static String id(String artifactId) {
        return G + ":" + artifactId;
    }

    private static Map<String, ModuleInfo> byId(List<ModuleInfo> modules) {
        return modules.stream().collect(Collectors.toMap(ModuleInfo::id, Function.identity()));
    }

    private static Set<String> all(List<MavenProject> reactor) {
        return reactor.stream().map(ReactorLayout::moduleId).collect(Collectors.toSet());
    }

    @Test
    void aChainIsUpstreamTransitivelyAndEachModuleNamesItsDirectDependencies() {
        MavenProject api = module("api");
        MavenProject core = module("core", on("api"));
        MavenProject app = module("app", on("core"));
        List<MavenProject> reactor = List.of(api, core, app);

        assertThat(ReactorLayout.withUpstream(app, reactor))
                .containsExactlyInAnyOrder(id("app"), id("core"), id("api"));
        assertThat(ReactorLayout.withUpstream(core, reactor)).containsExactlyInAnyOrder(id("core"), id("api"));
        assertThat(ReactorLayout.withUpstream(api, reactor)).containsExactly(id("api"));

        List<ModuleInfo> modules = ReactorLayout.of(reactor, all(reactor));
        assertThat(modules)
                .extracting(ModuleInfo::id)
                .containsExactly(id("api"), id("core"), id("app")); // reactor order
        assertThat(byId(modules).get(id("app")).dependsOn()).containsExactly(id("core"));
        assertThat(byId(modules).get(id("core")).dependsOn()).containsExactly(id("api"));
        assertThat(byId(modules).get(id("api")).dependsOn()).isEmpty();
    }

    @Test
    void aDiamondReachesTheSharedModuleOnce() {
        MavenProject base = module("base");
        MavenProject left = module("left", on("base"));
        MavenProject right = module("right", on("base"));
        MavenProject top = module("top", on("left"), on("right"));
        List<MavenProject> reactor = List.of(base, left, right, top);

        assertThat(ReactorLayout.withUpstream(top, reactor))
                .containsExactlyInAnyOrder(id("top"), id("left"), id("right"), id("base"));
        assertThat(ReactorLayout.withUpstream(left, reactor))
                .containsExactlyInAnyOrder(id("left"), id("base")); // not its sibling
        assertThat(byId(ReactorLayout.of(reactor, all(reactor))).get(id("top")).dependsOn())
                .containsExactly(id("left"), id("right"));
    }

    @Test
    void aTestJarOrAnyScopeCountsAsUpstream() {
        MavenProject core = module("core");
        Dependency testJar = on("core");
        testJar.setType("test-jar");
        testJar.setScope("test");
        MavenProject it = module("it", testJar);
        Dependency provided = on("core");
        provided.setScope("provided");
        provided.setOptional(true);
        MavenProject plugin = module("plugin", provided);
        List<MavenProject> reactor = List.of(core, it, plugin);

        assertThat(ReactorLayout.withUpstream(it, reactor)).containsExactlyInAnyOrder(id("it"), id("core"));
        assertThat(ReactorLayout.withUpstream(plugin, reactor)).containsExactlyInAnyOrder(id("plugin"), id("core"));
        assertThat(byId(ReactorLayout.of(reactor, all(reactor))).get(id("it")).dependsOn())
                .containsExactly(id("core"));
    }

    @Test
    void aJarAndAModuleCorrespondingToNoReactorProjectAreNotUpstream() {
        // `-pl app` without `-am`: core is a jar from the repository, as is any third-party library
        MavenProject app =
                module("app", on("core"), on("org.junit.jupiter", "junit-jupiter"), on("other.group", "app"));
        List<MavenProject> reactor = List.of(app);

        assertThat(ReactorLayout.withUpstream(app, reactor)).containsExactly(id("app"));
        assertThat(ReactorLayout.of(reactor, all(reactor))).singleElement().satisfies(m -> assertThat(m.dependsOn())
                .isEmpty());
    }

    @Test
    void aParentInTheReactorIsUpstreamOneOutsideIsNot() {
        MavenProject parent = module("parent");
        parent.getModel().setPackaging("pom");
        MavenProject child = module("child");
        Parent ref = new Parent();
        ref.setGroupId(G);
        ref.setArtifactId("parent");
        ref.setVersion("1.0-SNAPSHOT");
        child.getModel().setParent(ref);
        child.getModel().setGroupId(null); // inherited from the parent, as most modules do
        child.setParent(parent);
        MavenProject orphan = module("orphan");
        orphan.setParent(module("corporate-parent")); // e.g. a company POM from the repository
        List<MavenProject> reactor = List.of(parent, child, orphan);

        assertThat(ReactorLayout.moduleId(child)).isEqualTo(id("child"));
        assertThat(ReactorLayout.withUpstream(child, reactor)).containsExactlyInAnyOrder(id("child"), id("parent"));
        assertThat(ReactorLayout.withUpstream(orphan, reactor)).containsExactly(id("orphan"));
        assertThat(byId(ReactorLayout.of(reactor, all(reactor)))
                        .get(id("child"))
                        .dependsOn())
                .containsExactly(id("parent"));
    }

    @Test
    void aDependencyOnTheParentIsNamedOnce() {
        MavenProject parent = module("parent");
        MavenProject child = module("child", on("parent"));
        child.setParent(parent);
        List<MavenProject> reactor = List.of(parent, child);

        assertThat(byId(ReactorLayout.of(reactor, all(reactor)))
                        .get(id("child"))
                        .dependsOn())
                .containsExactly(id("parent"));
    }

    @Test
    void onlyAnalyzedModulesGetClassDirectoriesEveryModuleGetsItsSources() {
        MavenProject core = module("core");
        MavenProject app = module("app", on("core"));
        MavenProject docs = module("docs");
        List<MavenProject> reactor = List.of(core, app, docs);

        Map<String, ModuleInfo> modules = byId(ReactorLayout.of(reactor, ReactorLayout.withUpstream(app, reactor)));

        Path appDir = dir.resolve("app").toAbsolutePath();
        ModuleInfo appInfo = modules.get(id("app"));
        assertThat(appInfo.baseDir()).isEqualTo(appDir);
        assertThat(appInfo.mainSourceRoots()).containsExactly(appDir.resolve("src/main/java"));
        assertThat(appInfo.testSourceRoots()).containsExactly(appDir.resolve("src/test/java"));
        assertThat(appInfo.mainResourceRoots()).containsExactly(appDir.resolve("src/main/resources"));
        assertThat(appInfo.testResourceRoots()).containsExactly(appDir.resolve("src/test/resources"));
        assertThat(appInfo.classesDir()).isEqualTo(appDir.resolve("target/classes"));
        assertThat(appInfo.testClassesDir()).isEqualTo(appDir.resolve("target/test-classes"));
        assertThat(modules.get(id("core")).classesDir())
                .isEqualTo(dir.resolve("core/target/classes").toAbsolutePath());
        ModuleInfo docsInfo = modules.get(id("docs"));
        assertThat(docsInfo.classesDir()).isNull();
        assertThat(docsInfo.testClassesDir()).isNull();
        // it still tells which module owns a changed path
        assertThat(docsInfo.mainSourceRoots())
                .containsExactly(dir.resolve("docs/src/main/java").toAbsolutePath());
    }

    @Test
    void directoriesThatDoNotExistYetAreStillReported() {
        MavenProject app = module("app");
        List<MavenProject> reactor = List.of(app);

        ModuleInfo info = ReactorLayout.of(reactor, all(reactor)).get(0);

        // nothing was compiled: the analysis, not the layout, decides what a missing directory means
        assertThat(Files.exists(info.classesDir())).isFalse();
        assertThat(Files.exists(info.mainSourceRoots().get(0))).isFalse();
        assertThat(info.classesDir())
                .isEqualTo(dir.resolve("app/target/classes").toAbsolutePath());
    }

    @Test
    void relativeDirectoriesResolveAgainstTheModuleAndAreNormalized() {
        MavenProject app = module("app");
        app.getBuild().setOutputDirectory("target/../out/classes");
        app.getBuild().setTestOutputDirectory("out/test-classes");
        app.getCompileSourceRoots().clear();
        app.addCompileSourceRoot("src/main/java");
        app.addCompileSourceRoot(dir.resolve("shared/src/../generated").toString());
        app.getBuild().getResources().clear();
        app.getBuild().addResource(resource("src/main/resources"));
        app.getBuild().addResource(new Resource()); // no directory: nothing to watch
        List<MavenProject> reactor = List.of(app);

        ModuleInfo info = ReactorLayout.of(reactor, all(reactor)).get(0);

        Path appDir = dir.resolve("app").toAbsolutePath();
        assertThat(info.classesDir()).isEqualTo(appDir.resolve("out/classes"));
        assertThat(info.testClassesDir()).isEqualTo(appDir.resolve("out/test-classes"));
        assertThat(info.mainSourceRoots())
                .containsExactly(
                        appDir.resolve("src/main/java"),
                        dir.resolve("shared/generated").toAbsolutePath());
        assertThat(info.mainResourceRoots()).containsExactly(appDir.resolve("src/main/resources"));
    }

    @Test
    void aDependencyCycleEndsTheWalk() {
        // Maven refuses such a reactor; the walk must not loop should it ever be handed one
        MavenProject a = module("a", on("b"));
        MavenProject b = module("b", on("a"));

        assertThat(ReactorLayout.withUpstream(a, List.of(a, b))).containsExactlyInAnyOrder(id("a"), id("b"));
    }

    @Test
    void aProjectNotListedInTheReactorStillCountsItselfAndItsReactorUpstream() {
        MavenProject core = module("core");
        MavenProject tool = module("tool", on("core"));

        assertThat(ReactorLayout.withUpstream(tool, List.of(core))).containsExactlyInAnyOrder(id("tool"), id("core"));
    }

    @Test
    void moduleIdIsGroupAndArtifact() {
        assertThat(ReactorLayout.moduleId(module("core"))).isEqualTo("com.acme:core");
        assertThat(new File(module("core").getBasedir(), "pom.xml").toPath()).isEqualTo(dir.resolve("core/pom.xml"));
    }
}
