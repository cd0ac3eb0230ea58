package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.snapshot.ClassChecksum;
import dev.ard.core.impact.snapshot.ModuleSnapshot;
import dev.ard.core.impact.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis with a base build's bytecode snapshots (core ← app): changed classes are those whose bytecode differs,
 * and without a usable snapshot the source files decide, saying why.
 */
class BytecodeImpactTest {

    private static final String BASE = "00000000000000000000000000000000000000aa";
    private static final String ARD = "1.0";
    private static final String LEAF = "core/src/main/java/com/x/Leaf.java";
    private static final String LIMITS = "core/src/main/java/com/x/Limits.java";

    @TempDir
    Path dir;

    private Reactor reactor;
    private ImpactAnalyzer analyzer;
    private SnapshotStore store;

    @BeforeEach
    void baseBuild() {
        // "parent" stands for a pom module: no classes, no snapshot
        reactor =
                new Reactor(dir.resolve("repo")).module("parent").module("core").module("app", "core");
        reactor.main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 1; } }")
                .main(
                        "core",
                        "com/x/Limits.java",
                        "package com.x; public class Limits { public static final int MAX = 3; }")
                .test(
                        "core",
                        "com/x/LeafTest.java",
                        "package com.x; public class LeafTest { void t() { new Leaf().v(); } }")
                .main(
                        "app",
                        "com/y/Quota.java",
                        "package com.y; public class Quota { public int max() { return com.x.Limits.MAX; } }")
                .test(
                        "app",
                        "com/y/QuotaTest.java",
                        "package com.y; public class QuotaTest { void t() { new Quota().max(); } }")
                .test("app", "com/y/OtherTest.java", "package com.y; public class OtherTest { }")
                .compile();
        analyzer = new ImpactAnalyzer(dir.resolve("cache"));
        store = new SnapshotStore(dir.resolve("bytecode"));
        for (ModuleInfo m : reactor.modules().subList(1, 3)) {
            ModuleSnapshot s = analyzer.snapshot(m.id(), m.classesDir(), m.testClassesDir(), BASE, ARD)
                    .orElseThrow();
            assertThat(store.write(s)).isNull();
        }
    }

    private ImpactReport analyze(String changed, BytecodeBase base) {
        return analyzer.analyze(reactor.root, reactor.modules(), List.of(changed), ChangeFilter.none(), base);
    }

    private static Map<String, List<String>> affected(ImpactReport report) {
        assertThat(report.warnings()).isEmpty();
        report.modules().values().forEach(m -> assertThat(m.runAllReason()).isNull());
        return report.modules().values().stream()
                .collect(Collectors.toMap(
                        ModuleImpact::moduleId, m -> List.copyOf(m.affected().keySet())));
    }

    @Test
    void aCommentOnlyEditSelectsNothingInBytecodeButItsTestsAtSourceLevel() {
        reactor.main("core", "com/x/Leaf.java", """
                package com.x;

                /** The leaf: this comment moves the method two lines down. */
                public class Leaf {
                    public int v() { return 1; } // one
                }
                """).compile();

        ImpactReport bytecode = analyze(LEAF, BytecodeBase.of(store, BASE, ARD));
        assertThat(bytecode.changes()).isEqualTo("bytecode vs 0000000000");
        assertThat(affected(bytecode))
                .containsEntry("core", List.of())
                .containsEntry("app", List.of())
                .containsEntry("parent", List.of());

        ImpactReport source = analyze(LEAF, null);
        assertThat(source.changes()).isEqualTo("source files");
        assertThat(affected(source)).containsEntry("core", List.of("com.x.LeafTest"));
    }

    @Test
    void aConstantValueChangeReachesTheTestOfTheClassThatInlinedIt() {
        reactor.main(
                        "core",
                        "com/x/Limits.java",
                        "package com.x; public class Limits { public static final int MAX = 4; }")
                .compile();

        ImpactReport report = analyze(LIMITS, BytecodeBase.of(store, BASE, ARD));

        assertThat(report.changes()).isEqualTo("bytecode vs 0000000000");
        assertThat(affected(report))
                .containsEntry("app", List.of("com.y.QuotaTest"))
                .containsEntry("core", List.of());
        assertThat(report.modules().get("app").affected().get("com.y.QuotaTest").describe())
                .as("javac inlined the new value into Quota.max: a body change, followed to its callers")
                .isEqualTo("calls com.y.Quota.max (changed: app/target/classes/com/y/Quota.class):"
                        + " com.y.QuotaTest.t → com.y.Quota.max");
    }

    @Test
    void aMethodBodyChangeSelectsItsTestsNamingTheSourceFile() {
        reactor.main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 2; } }")
                .compile();

        ImpactReport report = analyze(LEAF, BytecodeBase.of(store, BASE, ARD));

        assertThat(affected(report)).containsEntry("core", List.of("com.x.LeafTest"));
        assertThat(report.modules().get("core").affected().get("com.x.LeafTest").describe())
                .isEqualTo(
                        "calls com.x.Leaf.v (changed: core/src/main/java/com/x/Leaf.java): com.x.LeafTest.t → com.x.Leaf.v");
    }

    @Test
    void aCorruptSnapshotFallsBackToSourceFilesWithTheReason() throws IOException {
        Files.writeString(store.fileFor(BASE, "core"), "garbage");
        reactor.main(
                        "core",
                        "com/x/Leaf.java",
                        "package com.x; /** doc */ public class Leaf { public int v() { return 1; } }")
                .compile();

        ImpactReport report = analyze(LEAF, BytecodeBase.of(store, BASE, ARD));

        assertThat(report.changes()).startsWith("source files (bytecode snapshot of core at 0000000000 is corrupt");
        assertThat(affected(report)).containsEntry("core", List.of("com.x.LeafTest"));
    }

    @Test
    void aSnapshotOfAnotherVersionOrCompilerTargetOrNoneFallsBack() {
        assertThat(analyze(LEAF, BytecodeBase.of(store, BASE, "2.0")).changes())
                .isEqualTo(
                        "source files (bytecode snapshot of core at 0000000000 was written by ARD 1.0, this is 2.0)");
        assertThat(analyze(LEAF, BytecodeBase.of(store, "00000000000000000000000000000000000000bb", ARD))
                        .changes())
                .isEqualTo("source files (no bytecode snapshot of core at 0000000000)");

        ModuleSnapshot core = store.read(BASE, "core", ARD).snapshot();
        store.write(new ModuleSnapshot(core.module(), BASE, ARD, java8(core.main()), java8(core.test())));
        ImpactReport report = analyze(LEAF, BytecodeBase.of(store, BASE, ARD));
        assertThat(report.changes())
                .isEqualTo("source files (bytecode snapshot of core at 0000000000 is of class file version 52, "
                        + "this build's 61)");
        assertThat(affected(report)).containsEntry("core", List.of("com.x.LeafTest"));
    }

    private static Map<String, ClassChecksum> java8(Map<String, ClassChecksum> classes) {
        return classes.values().stream()
                .collect(Collectors.toMap(
                        ClassChecksum::name,
                        c -> new ClassChecksum(c.name(), 52, c.checksum(), c.members(), c.constants())));
    }
}
