package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph rules on a real compiled reactor: core ← app, plus an unrelated module other. */
class ImpactAnalyzerTest {

    @TempDir
    static Path dir;

    static Reactor reactor;

    @BeforeAll
    static void compileReactor() {
        reactor = new Reactor(dir).module("core").module("app", "core").module("other");
        reactor.main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 1; } }")
                .main(
                        "core",
                        "com/x/Mid.java",
                        "package com.x; public class Mid { public int v() { return new Leaf().v(); } }")
                .main("core", "com/x/Outer.java", """
                        package com.x;
                        public class Outer {
                            public static class Inner { public int v() { return 2; } }
                        }
                        class SecondTopLevel { }
                        """)
                .main("core", "com/x/Marker.java", """
                        package com.x;
                        import java.lang.annotation.*;
                        @Retention(RetentionPolicy.RUNTIME) public @interface Marker { Class<?> value(); }
                        """)
                .main("core", "com/x/Tagged.java", "package com.x; public class Tagged { }")
                .main("core", "com/x/Generic.java", "package com.x; public class Generic { }")
                .main("core", "com/x/ByName.java", "package com.x; public class ByName { }")
                .main("core", "com/x/ByBuiltName.java", "package com.x; public class ByBuiltName { }")
                .main(
                        "core",
                        "com/x/Constants.java",
                        "package com.x; public class Constants { public static final String NAME = \"n\"; }")
                .main("core", "com/x/Api.java", "package com.x; public interface Api { int v(); }")
                .main(
                        "core",
                        "com/x/ApiImpl.java",
                        "package com.x; public class ApiImpl implements Api { public int v() { return 3; } }")
                .write(
                        "core/src/main/resources/META-INF/services/com.x.Api",
                        "# the one implementation\ncom.x.ApiImpl\n")
                .write("core/src/main/resources/x.properties", "a=1\n")
                .test(
                        "core",
                        "com/x/LeafTest.java",
                        "package com.x; public class LeafTest { void t() { new Leaf().v(); } }")
                .test(
                        "core",
                        "com/x/MidTest.java",
                        "package com.x; public class MidTest { void t() { new Mid().v(); } }")
                .test(
                        "core",
                        "com/x/AbstractBaseTest.java",
                        "package com.x; public abstract class AbstractBaseTest { }")
                .test("core", "com/x/TestSupport.java", "package com.x; public interface TestSupport { }")
                .main(
                        "app",
                        "com/y/Service.java",
                        "package com.y; public class Service { public int v() { return new com.x.Mid().v(); } }")
                .test(
                        "app",
                        "com/y/ServiceTest.java",
                        "package com.y; public class ServiceTest { void t() { new Service().v(); } }")
                .test(
                        "app",
                        "com/y/InnerTest.java",
                        "package com.y; public class InnerTest { void t() { new com.x.Outer.Inner().v(); } }")
                .test(
                        "app",
                        "com/y/AnnotatedTest.java",
                        "package com.y; @com.x.Marker(com.x.Tagged.class) public class AnnotatedTest { }")
                .test(
                        "app",
                        "com/y/GenericTest.java",
                        "package com.y; public class GenericTest { java.util.List<com.x.Generic> items; }")
                .test("app", "com/y/ForNameTest.java", """
                        package com.y;
                        public class ForNameTest { Object t() throws Exception { return Class.forName("com.x.ByName"); } }
                        """)
                .test("app", "com/y/BuiltNameTest.java", """
                        package com.y;
                        public class BuiltNameTest {
                            String suffix() { return "ByBuiltName"; }
                            Object t() throws Exception { return Class.forName("com.x." + suffix()); }
                        }
                        """)
                .test("app", "com/y/ServiceLoaderTest.java", """
                        package com.y;
                        public class ServiceLoaderTest { Object t() { return java.util.ServiceLoader.load(com.x.Api.class); } }
                        """)
                .test("app", "com/y/NestedHelperTest.java", """
                        package com.y;
                        public class NestedHelperTest { static class Helper { int v() { return new com.x.Leaf().v(); } } }
                        """)
                .test(
                        "app",
                        "com/y/CoreTestJarTest.java",
                        "package com.y; public class CoreTestJarTest implements com.x.TestSupport { }")
                .test(
                        "app",
                        "com/y/ConstantTest.java",
                        "package com.y; public class ConstantTest { String n() { return com.x.Constants.NAME; } }")
                .main("other", "com/z/Alone.java", "package com.z; public class Alone { }")
                .test("other", "com/z/AloneTest.java", "package com.z; public class AloneTest { com.z.Alone a; }")
                .compile();
    }

    private static ImpactReport analyze(String... changed) {
        return new ImpactAnalyzer(null).analyze(dir, reactor.modules(), List.of(changed), ChangeFilter.of("**/*.md"));
    }

    @Test
    void testClassesAreTopLevelConcreteClassesOnly() {
        ImpactReport report = analyze();
        assertThat(report.modules().keySet()).containsExactly("core", "app", "other");
        assertThat(report.modules().get("core").testClasses()).containsExactly("com.x.LeafTest", "com.x.MidTest");
        assertThat(report.modules().get("app").testClasses())
                .contains("com.y.NestedHelperTest")
                .doesNotContain("com.y.NestedHelperTest$Helper")
                .hasSize(10);
        assertThat(report.modules().values()).allSatisfy(m -> {
            assertThat(m.runAll()).isFalse();
            assertThat(m.affected()).isEmpty();
        });
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void leafChangeSelectsOnlyItsDependentsInBothModules() {
        ImpactReport report = analyze("core/src/main/java/com/x/Leaf.java");

        ModuleImpact core = report.modules().get("core");
        assertThat(core.affected()).containsOnlyKeys("com.x.LeafTest", "com.x.MidTest");
        assertThat(core.affected().get("com.x.LeafTest").hops()).isEqualTo(1);
        assertThat(core.affected().get("com.x.MidTest").hops()).isEqualTo(2);
        ModuleImpact app = report.modules().get("app");
        assertThat(app.affected()).containsOnlyKeys("com.y.ServiceTest", "com.y.NestedHelperTest");
        Reason service = app.affected().get("com.y.ServiceTest");
        assertThat(service).isEqualTo(new Reason("com.x.Leaf", "core/src/main/java/com/x/Leaf.java", 3, 1));
        assertThat(service.describe())
                .isEqualTo("depends on com.x.Leaf (changed: core/src/main/java/com/x/Leaf.java), 3 hops");
        assertThat(report.modules().get("other").affected()).isEmpty();
        assertThat(report.modules().values()).noneMatch(ModuleImpact::runAll);
    }

    @Test
    void changedTestSelectsItselfAtZeroHops() {
        ModuleImpact core =
                analyze("core/src/test/java/com/x/LeafTest.java").modules().get("core");
        assertThat(core.affected()).containsOnlyKeys("com.x.LeafTest");
        assertThat(core.affected().get("com.x.LeafTest").hops()).isZero();
        assertThat(core.affected().get("com.x.LeafTest").describe()).startsWith("changed itself");
    }

    @Test
    void nestedClassOfATestCountsForItsTopLevelClass() {
        ModuleImpact app = analyze("app/src/test/java/com/y/NestedHelperTest.java")
                .modules()
                .get("app");
        assertThat(app.affected()).containsOnlyKeys("com.y.NestedHelperTest");
        assertThat(app.affected().get("com.y.NestedHelperTest").hops()).isZero();
    }

    @Test
    void innerClassUseIsCaughtThroughItsSourceFile() {
        ModuleImpact app =
                analyze("core/src/main/java/com/x/Outer.java").modules().get("app");
        assertThat(app.affected()).containsOnlyKeys("com.y.InnerTest");
        // InnerTest names Outer$Inner and, through its InnerClasses attribute, Outer: both one hop away
        assertThat(app.affected().get("com.y.InnerTest").changedClass()).startsWith("com.x.Outer");
        assertThat(app.affected().get("com.y.InnerTest").hops()).isEqualTo(1);
    }

    @Test
    void classUsedOnlyAsAnnotationValueIsCaught() {
        assertThat(analyze("core/src/main/java/com/x/Tagged.java")
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.AnnotatedTest");
    }

    @Test
    void classUsedOnlyInAGenericSignatureIsCaught() {
        assertThat(analyze("core/src/main/java/com/x/Generic.java")
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.GenericTest");
    }

    @Test
    void classForNameWithAConstantStringIsCaught() {
        assertThat(analyze("core/src/main/java/com/x/ByName.java")
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.ForNameTest");
    }

    @Test
    void knownLimitClassNameBuiltAtRuntimeIsNotCaught() {
        // "com.x." + suffix() exists only at run time: no bytecode analysis can see it. Documented limit.
        assertThat(analyze("core/src/main/java/com/x/ByBuiltName.java")
                        .modules()
                        .get("app")
                        .affected())
                .doesNotContainKey("com.y.BuiltNameTest")
                .isEmpty();
    }

    @Test
    void inlinedCompileTimeConstantLinksToItsOwnerUnlessTurnedOff() {
        // javac inlines "n" into ConstantTest but keeps a CONSTANT_Class entry for Constants
        List<String> changed = List.of("core/src/main/java/com/x/Constants.java");
        assertThat(new ImpactAnalyzer(null)
                        .analyze(dir, reactor.modules(), changed, null)
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.ConstantTest");
        assertThat(new ImpactAnalyzer(null, false)
                        .analyze(dir, reactor.modules(), changed, null)
                        .modules()
                        .get("app")
                        .affected())
                .isEmpty();
    }

    @Test
    void serviceFileLinksTheInterfaceToItsImplementations() {
        assertThat(analyze("core/src/main/java/com/x/ApiImpl.java")
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.ServiceLoaderTest");
    }

    @Test
    void testJarClassesOfAnUpstreamModuleAreReached() {
        assertThat(analyze("core/src/test/java/com/x/TestSupport.java")
                        .modules()
                        .get("app")
                        .affected())
                .containsOnlyKeys("com.y.CoreTestJarTest");
    }

    @Test
    void countsDistinctChangedClassesReachingATest() {
        ImpactReport report = analyze("core/src/main/java/com/x/Leaf.java", "core/src/main/java/com/x/Mid.java");
        Reason service = report.modules().get("app").affected().get("com.y.ServiceTest");
        assertThat(service.changedClass()).isEqualTo("com.x.Mid");
        assertThat(service.hops()).isEqualTo(2);
        assertThat(service.changedClassesReaching()).isEqualTo(2);
        assertThat(report.modules().get("core").affected().get("com.x.LeafTest").changedClassesReaching())
                .isEqualTo(1);
    }

    @Test
    void pomChangeRunsTheModuleAndItsDependentsNotUnrelatedModules() {
        ImpactReport app = analyze("app/pom.xml");
        assertThat(app.modules().get("app").runAllReason()).isEqualTo("pom.xml changed in module app");
        assertThat(app.modules().get("core").runAll()).isFalse();
        assertThat(app.modules().get("other").runAll()).isFalse();

        ImpactReport core = analyze("core/pom.xml");
        assertThat(core.modules().get("core").runAllReason()).isEqualTo("pom.xml changed in module core");
        assertThat(core.modules().get("app").runAllReason()).isEqualTo("pom.xml changed in upstream module core");
        assertThat(core.modules().get("other").runAll()).isFalse();
    }

    @Test
    void resourceChangeRunsTheModuleAndItsDependents() {
        ImpactReport report = analyze("core/src/main/resources/x.properties");
        assertThat(report.modules().get("core").runAllReason())
                .isEqualTo("resource core/src/main/resources/x.properties changed in module core");
        assertThat(report.modules().get("app").runAllReason())
                .isEqualTo("resource core/src/main/resources/x.properties changed in upstream module core");
        assertThat(report.modules().get("other").runAll()).isFalse();
    }

    @Test
    void ignoredChangesHaveNoEffect() {
        ImpactReport report = analyze("README.md", "core/README.md");
        assertThat(report.modules().values()).noneMatch(ModuleImpact::runAll).allSatisfy(m -> assertThat(m.affected())
                .isEmpty());
    }

    @Test
    void changeOutsideEveryModuleRunsEverything() {
        ImpactReport report = analyze("tools/x.sh");
        assertThat(report.modules().values())
                .allSatisfy(m -> assertThat(m.runAllReason()).isEqualTo("change outside any module: tools/x.sh"));
    }

    @Test
    void deletedSourceWithoutClassesHasNoEffect() {
        ImpactReport report =
                analyze("core/src/main/java/com/x/Gone.java", "core/src/main/java/com/x/package-info.java");
        assertThat(report.modules().values()).noneMatch(ModuleImpact::runAll).allSatisfy(m -> assertThat(m.affected())
                .isEmpty());
    }

    @Test
    void existingSourceWithoutClassesRunsTheModuleAndItsDependents() {
        reactor.write("core/src/main/java/com/x/NotCompiled.java", "package com.x; class NotCompiled { }");
        ImpactReport report = analyze("core/src/main/java/com/x/NotCompiled.java");
        assertThat(report.modules().get("core").runAllReason())
                .isEqualTo(
                        "cannot map core/src/main/java/com/x/NotCompiled.java to classes (not compiled?) in module core");
        assertThat(report.modules().get("app").runAllReason()).contains("upstream module core");
        assertThat(report.modules().get("other").runAll()).isFalse();
    }

    @Test
    void sourceOfAModuleWithoutClassesDirectoryRunsAllWithAWarning() {
        List<ModuleInfo> modules = reactor.modules().stream()
                .map(m -> !m.id().equals("other")
                        ? m
                        : new ModuleInfo(
                                m.id(),
                                m.baseDir(),
                                m.mainSourceRoots(),
                                m.testSourceRoots(),
                                m.mainResourceRoots(),
                                m.testResourceRoots(),
                                dir.resolve("other/target/missing"),
                                m.testClassesDir(),
                                m.dependsOn()))
                .toList();
        ImpactReport report =
                new ImpactAnalyzer(null).analyze(dir, modules, List.of("other/src/main/java/com/z/Alone.java"), null);
        assertThat(report.modules().get("other").runAllReason())
                .startsWith(
                        "classes directory other/target/missing missing: cannot map other/src/main/java/com/z/Alone.java");
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.modules().get("core").runAll()).isFalse();
    }
}
