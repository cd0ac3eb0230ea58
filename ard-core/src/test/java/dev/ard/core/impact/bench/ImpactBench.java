package dev.ard.core.impact.bench;

import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ImpactReport;
import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.impact.ScanStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Selection decision time on a generated module of 5 000 main and 2 000 test classes (javac-compiled,
 * a random DAG of field types and calls, fixed seed). Not a test: run by {@code bench/impact.sh}.
 *
 * <p>Usage: {@code ImpactBench <workDir> [runs] [member]}. Generates and compiles once into {@code workDir}.
 * When a cache from an earlier invocation exists, first times one analysis in this fresh JVM with
 * that warm cache (the realistic case: a new Maven JVM, nothing JIT-compiled); with {@code member}, that
 * analysis is the member-level one (a change inside one method body, see {@link #memberLevel}). Then per
 * run: cold = no cache file, warm = the cache of the previous call, in the same JVM. {@code runs} = 0
 * does only the fresh-JVM measurement.
 */
public final class ImpactBench {

    static final int MAIN = 5_000;
    static final int TESTS = 2_000;
    static final int PACKAGES = 50;

    private ImpactBench() {}

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean member = args.length > 2 && args[2].equals("member");
        Path module = work.resolve("big");
        if (!Files.exists(module.resolve("target/.compiled"))) {
            generate(module);
        }
        ModuleInfo info = new ModuleInfo(
                "big",
                module,
                List.of(module.resolve("src/main/java")),
                List.of(module.resolve("src/test/java")),
                List.of(),
                List.of(),
                module.resolve("target/classes"),
                module.resolve("target/test-classes"),
                List.of());
        // A class in the middle of the DAG: used by many, uses many.
        List<String> changed = List.of("big/src/main/java/p" + (2500 % PACKAGES) + "/C2500.java");
        Path cache = work.resolve("cache");
        if (Files.isDirectory(cache)) {
            // The realistic case: a new Maven JVM (nothing JIT-compiled) and the cache of the last build.
            List<String> what = member ? List.of(memberChange(info, changed.get(0))) : changed;
            ImpactAnalyzer fresh = new ImpactAnalyzer(cache);
            long t0 = System.nanoTime();
            ImpactReport r = fresh.analyze(work, List.of(info), what, ChangeFilter.none());
            ScanStats s = fresh.lastScanStats();
            System.out.printf(
                    Locale.ROOT,
                    "fresh JVM, warm cache%s: %.3f s (read %d, parsed %d, from cache %d), %d test classes selected%n",
                    member ? ", member level" : "",
                    (System.nanoTime() - t0) / 1e9,
                    s.read(),
                    s.parsed(),
                    s.fromCache(),
                    r.modules().get("big").affected().size());
        }

        if (runs == 0) {
            return; // only the fresh-JVM measurement above
        }
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            deleteTree(cache);
            ImpactAnalyzer coldAnalyzer = new ImpactAnalyzer(cache);
            long t0 = System.nanoTime();
            ImpactReport report = coldAnalyzer.analyze(work, List.of(info), changed, ChangeFilter.none());
            double c = (System.nanoTime() - t0) / 1e9;
            ScanStats coldStats = coldAnalyzer.lastScanStats();

            ImpactAnalyzer warmAnalyzer = new ImpactAnalyzer(cache); // a fresh instance: the next build
            t0 = System.nanoTime();
            ImpactReport again = warmAnalyzer.analyze(work, List.of(info), changed, ChangeFilter.none());
            double w = (System.nanoTime() - t0) / 1e9;
            ScanStats warmStats = warmAnalyzer.lastScanStats();
            if (!again.equals(report) || warmStats.parsed() != 0) {
                throw new IllegalStateException("warm run differs from cold run or parsed again: " + warmStats);
            }
            ModuleImpact m = report.modules().get("big");
            System.out.printf(
                    Locale.ROOT,
                    "run %d: cold %.3f s (parsed %d)  warm %.3f s (read %d, from cache %d)  graph %d nodes, "
                            + "%d of %d test classes selected%n",
                    run + 1,
                    c,
                    coldStats.parsed(),
                    w,
                    warmStats.read(),
                    warmStats.fromCache(),
                    coldStats.graphNodes(),
                    m.affected().size(),
                    m.testClasses().size());
            cold.add(c);
            warm.add(w);
        }
        memberLevel(work, info, changed.get(0), cache, runs);
        System.out.printf(Locale.ROOT, "first run (JIT cold): cold %.3f s, warm %.3f s%n", cold.get(0), warm.get(0));
        if (runs > 1) {
            System.out.printf(
                    Locale.ROOT,
                    "median of runs 2..%d: cold %.3f s, warm %.3f s%n",
                    runs,
                    median(cold.subList(1, runs)),
                    median(warm.subList(1, runs)));
        }
    }

    /**
     * The same class changed inside one method body ({@code path:line}, the first line of its last method with code):
     * warm analyses (scan cache filled) that add the member-level walk, whose call graph reads every class file.
     */
    private static void memberLevel(Path work, ModuleInfo info, String changedFile, Path cache, int runs)
            throws IOException {
        List<String> changed = List.of(memberChange(info, changedFile));
        List<Double> times = new ArrayList<>();
        int selected = 0;
        for (int run = 0; run < runs; run++) {
            ImpactAnalyzer analyzer = new ImpactAnalyzer(cache);
            long t0 = System.nanoTime();
            ImpactReport r = analyzer.analyze(work, List.of(info), changed, ChangeFilter.none());
            times.add((System.nanoTime() - t0) / 1e9);
            selected = r.modules().get("big").affected().size();
        }
        System.out.printf(
                Locale.ROOT,
                "member level (%s): warm first %.3f s, median of runs 2..%d %.3f s, %d test classes selected%n",
                changed.get(0),
                times.get(0),
                runs,
                runs > 1 ? median(times.subList(1, runs)) : times.get(0),
                selected);
    }

    /** {@code path:line} for the first line of the changed class's last method with code (a body-only change). */
    private static String memberChange(ModuleInfo info, String changedFile) throws IOException {
        String cls = changedFile.substring(changedFile.indexOf("/java/") + 6, changedFile.length() - 5);
        List<Integer> firstLines = new ArrayList<>();
        new org.objectweb.asm.ClassReader(Files.readAllBytes(info.classesDir().resolve(cls + ".class")))
                .accept(
                        new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                            @Override
                            public org.objectweb.asm.MethodVisitor visitMethod(
                                    int access, String name, String desc, String signature, String[] exceptions) {
                                if (name.startsWith("<")) {
                                    return null;
                                }
                                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                                    private boolean seen;

                                    @Override
                                    public void visitLineNumber(int line, org.objectweb.asm.Label start) {
                                        if (!seen) {
                                            firstLines.add(line);
                                            seen = true;
                                        }
                                    }
                                };
                            }
                        },
                        0);
        return changedFile + ":" + firstLines.get(firstLines.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Main class Ci uses up to 4 classes of lower index (fields + calls); test Ti uses 3 main classes. */
    static void generate(Path module) throws IOException {
        deleteTree(module);
        Random random = new Random(42);
        Path main = module.resolve("src/main/java");
        for (int i = 0; i < MAIN; i++) {
            StringBuilder fields = new StringBuilder();
            StringBuilder body = new StringBuilder("        int s = " + i + ";\n");
            int uses = i == 0 ? 0 : 1 + random.nextInt(4);
            for (int k = 0; k < uses; k++) {
                int j = random.nextInt(i);
                fields.append("    private ")
                        .append(fqn(j))
                        .append(" f")
                        .append(k)
                        .append(" = new ")
                        .append(fqn(j))
                        .append("();\n");
                body.append("        s += f").append(k).append(".v();\n");
            }
            write(
                    main.resolve("p" + (i % PACKAGES) + "/C" + i + ".java"),
                    "package p" + (i % PACKAGES) + ";\n" + "public class C" + i + " {\n" + fields
                            + "    public int v() {\n" + body + "        return s;\n    }\n}\n");
        }
        Path test = module.resolve("src/test/java");
        for (int i = 0; i < TESTS; i++) {
            StringBuilder body = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                body.append("        s += new ")
                        .append(fqn(random.nextInt(MAIN)))
                        .append("().v();\n");
            }
            write(
                    test.resolve("t" + (i % PACKAGES) + "/T" + i + "Test.java"),
                    "package t" + (i % PACKAGES) + ";\n"
                            + "public class T" + i + "Test {\n    public int run() {\n        int s = 0;\n" + body
                            + "        return s;\n    }\n}\n");
        }
        javac(main, module.resolve("target/classes"), null);
        javac(test, module.resolve("target/test-classes"), module.resolve("target/classes"));
        Files.writeString(module.resolve("target/.compiled"), "ok");
    }

    private static String fqn(int i) {
        return "p" + (i % PACKAGES) + ".C" + i;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void javac(Path sources, Path out, Path classpath) throws IOException {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString()));
        if (classpath != null) {
            args.addAll(List.of("-cp", classpath.toString()));
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        Files.createDirectories(out);
        System.out.printf(
                Locale.ROOT, "compiling %d files into %s%n", args.size() - 5 - (classpath != null ? 2 : 0), out);
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed for " + sources);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
