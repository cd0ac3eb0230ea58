package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken class files, unknown class versions, and the per-directory cache. Each test gets its own reactor. */
class ImpactFaultsAndCacheTest {

    @TempDir
    Path dir;

    Reactor reactor;

    @BeforeEach
    void compile() {
        reactor = new Reactor(dir.resolve("repo"))
                .module("core")
                .module("app", "core")
                .module("other")
                .main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 1; } }")
                .test(
                        "core",
                        "com/x/LeafTest.java",
                        "package com.x; public class LeafTest { int t() { return new Leaf().v(); } }")
                .main(
                        "app",
                        "com/y/Service.java",
                        "package com.y; public class Service { int v() { return new com.x.Leaf().v(); } }")
                .test(
                        "app",
                        "com/y/ServiceTest.java",
                        "package com.y; public class ServiceTest { int t() { return new Service().v(); } }")
                .main("other", "com/z/Alone.java", "package com.z; public class Alone { }")
                .main("other", "com/z/Victim.java", "package com.z; public class Victim { }")
                .test("other", "com/z/AloneTest.java", "package com.z; public class AloneTest { Alone a; }")
                .compile();
    }

    private ImpactReport analyze(ImpactAnalyzer analyzer, String... changed) {
        return analyzer.analyze(reactor.root, reactor.modules(), List.of(changed), ChangeFilter.none());
    }

    @Test
    void corruptClassFileRunsAllOfItsModuleOnly() throws IOException {
        Files.write(
                reactor.classes("other").resolve("com/z/Victim.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});

        ImpactReport report = analyze(new ImpactAnalyzer(null), "core/src/main/java/com/x/Leaf.java");

        assertThat(report.modules().get("other").runAllReason())
                .startsWith("corrupt class file")
                .contains("Victim.class");
        assertThat(report.warnings()).singleElement().asString().startsWith("module other: corrupt class file");
        assertThat(report.modules().get("core").runAll()).isFalse();
        assertThat(report.modules().get("app").runAll()).isFalse();
        assertThat(report.modules().get("app").affected()).containsOnlyKeys("com.y.ServiceTest");
    }

    @Test
    void classFileVersionUnknownToAsmRunsAllOfItsModule() throws IOException {
        Path victim = reactor.classes("other").resolve("com/z/Victim.class");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[6] = 0;
        bytes[7] = 99; // major version 99: far beyond any JDK ASM 9.11 knows
        Files.write(victim, bytes);

        ImpactReport report = analyze(new ImpactAnalyzer(null));

        assertThat(report.modules().get("other").runAllReason())
                .startsWith("unsupported class file version in")
                .contains("Victim.class")
                .contains("99");
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.modules().get("core").runAll()).isFalse();
    }

    @Test
    void secondRunParsesNothingAndGivesTheSameAnswer() {
        ImpactAnalyzer analyzer = new ImpactAnalyzer(dir.resolve("cache"));
        ImpactReport first = analyze(analyzer, "core/src/main/java/com/x/Leaf.java");
        ScanStats cold = analyzer.lastScanStats();
        assertThat(cold.classFiles()).isEqualTo(7);
        assertThat(cold.parsed()).isEqualTo(7);
        assertThat(cold.fromCache()).isZero();

        ImpactReport second = analyze(analyzer, "core/src/main/java/com/x/Leaf.java");
        assertThat(analyzer.lastScanStats().parsed()).isZero();
        assertThat(analyzer.lastScanStats().fromCache()).isEqualTo(7);
        assertThat(second).isEqualTo(first);

        // A new instance (the next build) reads the cache from disk.
        analyze(new ImpactAnalyzer(dir.resolve("cache")));
        ImpactAnalyzer next = new ImpactAnalyzer(dir.resolve("cache"));
        analyze(next);
        assertThat(next.lastScanStats().parsed()).isZero();
    }

    @Test
    void settledFilesAreNotEvenReadAndTouchedFilesAreReadButNotParsed() throws IOException {
        FileTime anHourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(reactor.root)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path p : classFiles) {
            Files.setLastModifiedTime(p, anHourAgo);
        }
        ImpactAnalyzer analyzer = new ImpactAnalyzer(dir.resolve("cache"));
        analyze(analyzer);
        assertThat(analyzer.lastScanStats().read()).isEqualTo(7);

        analyze(analyzer);
        assertThat(analyzer.lastScanStats().read()).isZero();
        assertThat(analyzer.lastScanStats().fromCache()).isEqualTo(7);

        // Recompiled to the same bytes: a new time, so read and checksummed, but not parsed.
        Files.setLastModifiedTime(classFiles.get(0), FileTime.fromMillis(System.currentTimeMillis()));
        analyze(analyzer);
        assertThat(analyzer.lastScanStats().read()).isEqualTo(1);
        assertThat(analyzer.lastScanStats().parsed()).isZero();
    }

    @Test
    void changedClassFileIsParsedAgainAndItsNewReferencesCount() {
        ImpactAnalyzer analyzer = new ImpactAnalyzer(dir.resolve("cache"));
        analyze(analyzer);
        reactor.write(
                        "other/src/test/java/com/z/AloneTest.java",
                        "package com.z; public class AloneTest { Alone a; com.z.Victim v; }")
                .compile();

        ImpactReport report = analyze(analyzer, "other/src/main/java/com/z/Victim.java");

        assertThat(analyzer.lastScanStats().parsed()).isEqualTo(1);
        assertThat(report.modules().get("other").affected()).containsOnlyKeys("com.z.AloneTest");
    }

    @Test
    void corruptCacheIsIgnoredAndRebuilt() throws IOException {
        Path cache = dir.resolve("cache");
        ImpactAnalyzer analyzer = new ImpactAnalyzer(cache);
        ImpactReport first = analyze(analyzer, "core/src/main/java/com/x/Leaf.java");
        List<Path> files;
        try (Stream<Path> list = Files.list(cache)) {
            files = list.toList();
        }
        assertThat(files).hasSize(6); // one per classes directory
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
        }
        Files.write(files.get(0), new byte[] {1, 2, 3});

        ImpactReport second = analyze(analyzer, "core/src/main/java/com/x/Leaf.java");
        assertThat(second).isEqualTo(first);
        assertThat(analyzer.lastScanStats().parsed()).isEqualTo(7);

        analyze(analyzer);
        assertThat(analyzer.lastScanStats().parsed()).isZero();
    }

    @Test
    void unwritableCacheIsAWarningNotAFault() throws IOException {
        Path notADirectory = dir.resolve("cache-file");
        Files.writeString(notADirectory, "x");
        ImpactReport report = analyze(new ImpactAnalyzer(notADirectory), "core/src/main/java/com/x/Leaf.java");
        assertThat(report.modules().values()).noneMatch(ModuleImpact::runAll);
        assertThat(report.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w)
                .startsWith("cannot write impact cache"));
        assertThat(report.modules().get("app").affected()).containsOnlyKeys("com.y.ServiceTest");
    }

    @Test
    void badInputNeverThrows() {
        ImpactAnalyzer analyzer = new ImpactAnalyzer(null);
        assertThat(analyzer.analyze(null, reactor.modules(), List.of("x"), null)
                        .modules()
                        .values())
                .allSatisfy(m -> assertThat(m.runAllReason()).contains("no repository root"));
        assertThat(analyzer.analyze(reactor.root, null, null, null).modules()).isEmpty();
        ModuleInfo bare = new ModuleInfo("bare", dir.resolve("nowhere"), null, null, null, null, null, null, null);
        ImpactReport report =
                analyzer.analyze(reactor.root, List.of(bare), List.of("../../etc/passwd", "", "a\\b.txt"), null);
        assertThat(report.modules().get("bare").testClasses()).isEmpty();
        assertThat(report.modules().get("bare").runAllReason()).startsWith("change outside any module");
    }

    @Test
    void nestedModulesRunWhenTheEnclosingModuleChanges() {
        List<ModuleInfo> modules = new java.util.ArrayList<>(reactor.modules());
        modules.add(
                0,
                new ModuleInfo(
                        "root",
                        reactor.root,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        reactor.root.resolve("target/classes"),
                        reactor.root.resolve("target/test-classes"),
                        List.of()));
        ImpactReport report = new ImpactAnalyzer(null).analyze(reactor.root, modules, List.of("build.sh"), null);
        assertThat(report.modules().get("root").runAllReason()).isEqualTo("build.sh changed in module root");
        assertThat(report.modules().get("other").runAllReason()).isEqualTo("build.sh changed in enclosing module root");

        ImpactReport leaf = new ImpactAnalyzer(null)
                .analyze(reactor.root, modules, List.of("core/src/main/java/com/x/Leaf.java"), null);
        assertThat(leaf.modules().values()).noneMatch(ModuleImpact::runAll);
        assertThat(leaf.modules().get("app").affected()).containsOnlyKeys("com.y.ServiceTest");
    }
}
