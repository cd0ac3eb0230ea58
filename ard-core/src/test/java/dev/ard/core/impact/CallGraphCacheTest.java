package dev.ard.core.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call graph's data in the graph cache: a fresh analyzer (the next build's JVM) gets the member-level answer from
 * the cache without reading a class file, a changed class file's calls replace the cached ones, and a cache of another
 * format or with corrupt counts is ignored, never misread.
 */
class CallGraphCacheTest {

    @TempDir
    Path dir;

    Reactor reactor;
    Path cache;

    /** Inside {@code Calc.add}'s body: a member-level change. */
    private static final List<String> ADD_BODY = List.of("core/src/main/java/com/x/Calc.java:5");

    @BeforeEach
    void compile() {
        cache = dir.resolve("cache");
        reactor = new Reactor(dir.resolve("repo")).module("core").module("app", "core");
        reactor.main("core", "com/x/Calc.java", """
                        package com.x;
                        public class Calc {
                          public int add(int a) {
                            int sum = 10 + a;
                            return sum;
                          }

                          public int twice(int a) {
                            return 2 * a;
                          }
                        }
                        """)
                .test("core", "com/x/AddTest.java", "package com.x; class AddTest { void t() { new Calc().add(1); } }")
                .test(
                        "core",
                        "com/x/TwiceTest.java",
                        "package com.x; class TwiceTest { void t() { new Calc().twice(1); } }")
                .main("app", "com/y/Report.java", """
                        package com.y;
                        public class Report { public int total() { return new com.x.Calc().add(2); } }""")
                .test(
                        "app",
                        "com/y/ReportTest.java",
                        "package com.y; class ReportTest { void t() { new Report().total(); } }")
                .compile();
    }

    private ImpactReport analyze(ImpactAnalyzer analyzer) {
        return analyzer.analyze(reactor.root, reactor.modules(), ADD_BODY, ChangeFilter.none());
    }

    private static TreeSet<String> selected(ImpactReport report) {
        TreeSet<String> out = new TreeSet<>();
        report.modules().values().forEach(m -> out.addAll(m.affected().keySet()));
        return out;
    }

    private List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void aFreshAnalyzerGetsTheSameMemberLevelAnswerFromTheCacheWithoutReadingAClassFile() throws IOException {
        // old enough times: an unchanged file is not even opened, so nothing could parse it behind the cache's back
        for (Path p : files(reactor.root, ".class")) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        }
        ImpactReport uncached = analyze(new ImpactAnalyzer(null));
        assertThat(selected(uncached)).containsExactly("com.x.AddTest", "com.y.ReportTest");
        assertThat(uncached.modules()
                        .get("app")
                        .affected()
                        .get("com.y.ReportTest")
                        .via())
                .containsExactly("com.y.ReportTest.t", "com.y.Report.total", "com.x.Calc.add");

        ImpactAnalyzer first = new ImpactAnalyzer(cache);
        assertThat(analyze(first)).isEqualTo(uncached);
        assertThat(first.lastScanStats().parsed()).isEqualTo(5);

        // Report's file now holds zeros (same size and time): only its cached calls can still lead ReportTest to add()
        Path report = reactor.classes("app").resolve("com/y/Report.class");
        FileTime time = Files.getLastModifiedTime(report);
        Files.write(report, new byte[(int) Files.size(report)]);
        Files.setLastModifiedTime(report, time);

        ImpactAnalyzer fresh = new ImpactAnalyzer(cache); // the next build: a new JVM has nothing but the cache
        assertThat(analyze(fresh)).isEqualTo(uncached);
        assertThat(fresh.lastScanStats().read()).isZero();
        assertThat(fresh.lastScanStats().parsed()).isZero();
        assertThat(fresh.lastScanStats().fromCache()).isEqualTo(5);
    }

    @Test
    void aChangedClassFilesCachedCallsAreReplaced() {
        assertThat(selected(analyze(new ImpactAnalyzer(cache)))).containsExactly("com.x.AddTest", "com.y.ReportTest");
        reactor.main("app", "com/y/Report.java", """
                        package com.y;
                        public class Report { public int total() { return new com.x.Calc().twice(2); } }""").compile();

        ImpactAnalyzer fresh = new ImpactAnalyzer(cache);
        assertThat(selected(analyze(fresh))).containsExactly("com.x.AddTest"); // Report no longer calls add()
        assertThat(fresh.lastScanStats().parsed()).isEqualTo(1); // the others recompiled to the same bytes

        ImpactAnalyzer next = new ImpactAnalyzer(cache);
        assertThat(selected(analyze(next))).containsExactly("com.x.AddTest");
        assertThat(next.lastScanStats().parsed()).isZero();
    }

    @Test
    void aCacheOfTheFormerFormatIsIgnoredAndRebuilt() throws IOException {
        ImpactReport first = analyze(new ImpactAnalyzer(cache));
        List<Path> cacheFiles = files(cache, ".bin");
        assertThat(cacheFiles).hasSize(4);
        for (Path f : cacheFiles) {
            byte[] bytes = Files.readAllBytes(f);
            ByteBuffer.wrap(bytes).putInt(4, 5); // format 5: the same layout without the call data
            Files.write(f, bytes);
        }

        ImpactAnalyzer fresh = new ImpactAnalyzer(cache);
        assertThat(analyze(fresh)).isEqualTo(first);
        assertThat(fresh.lastScanStats().parsed()).isEqualTo(5);
        ImpactAnalyzer next = new ImpactAnalyzer(cache);
        analyze(next);
        assertThat(next.lastScanStats().parsed()).isZero();
    }

    @Test
    void cachedCallsEqualAFreshParseAndCorruptCountsAreIgnored() throws IOException {
        Path classes = reactor.classes("core");
        GraphCache graphCache = new GraphCache(cache);
        ClassDirScanner.DirScan scan = new ClassDirScanner(graphCache).scan(classes);
        Map<String, GraphCache.Entry> loaded = graphCache.load(classes);
        assertThat(loaded).containsOnlyKeys("com/x/Calc.class");
        ClassCalls parsedAlone = CallRecorder.of(Files.readAllBytes(classes.resolve("com/x/Calc.class")));
        assertThat(loaded.get("com/x/Calc.class").calls()).isEqualTo(parsedAlone);
        assertThat(scan.calls()).containsExactly(parsedAlone);

        Path file = graphCache.fileFor(classes);
        byte[] intact = Files.readAllBytes(file);
        for (int at = 0; at + 4 <= intact.length; at++) {
            for (int value : new int[] {Integer.MAX_VALUE, -1}) {
                byte[] bad = intact.clone();
                ByteBuffer.wrap(bad).putInt(at, value);
                Files.write(file, bad);
                // a huge count must not allocate gigabytes, a bad id must not escape: absent at worst
                assertThatCode(() -> graphCache.load(classes)).doesNotThrowAnyException();
            }
        }
    }
}
