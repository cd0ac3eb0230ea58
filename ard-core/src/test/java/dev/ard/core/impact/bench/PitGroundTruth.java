package dev.ard.core.impact.bench;

import dev.ard.core.git.ChangedLines;
import dev.ard.core.impact.BytecodeBase;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ImpactReport;
import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.impact.snapshot.ClassChecksum;
import dev.ard.core.impact.snapshot.ModuleSnapshot;
import dev.ard.core.impact.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Safe selection against mutation-testing ground truth (PIT full mutation matrix, see
 * {@code shared/data/pit/<project>/README.md}): for every main source file with KILLED mutants, the
 * test classes {@link ImpactAnalyzer} selects if only that file changed; a KILLED mutant is caught when
 * the selection holds one of its killing test classes. Not a test: run by {@code bench/pit-commons-cli.sh}.
 *
 * <p>Usage: {@code PitGroundTruth <single-module checkout, compiled> <data dir with mutants.csv, tests.csv>
 * [inlined-constants=true|false|bytecode] [files|lines]}; {@code bytecode}: each mutant's class is the one class
 * whose bytecode differs from the base build's snapshot (the selection a build of that mutant makes when it compares
 * bytecode; with {@code lines}, the mutated method's body is what differs); {@code lines}: per KILLED mutant, only its
 * line changed ({@code source_file:line}, member-level impact), against the oracle that knows the killing test classes
 * of each line.
 */
public final class PitGroundTruth {

    private record Mutant(
            String id,
            String sourceFile,
            String mutatedClass,
            String method,
            int line,
            String mutator,
            String status,
            List<String> killers) {}

    private PitGroundTruth() {}

    public static void main(String[] args) throws IOException {
        Path checkout = Path.of(args[0]).toAbsolutePath().normalize();
        Path data = Path.of(args[1]).toAbsolutePath().normalize();
        Map<String, Double> durations = readTests(data.resolve("tests.csv"));
        Map<String, List<Mutant>> bySource = readMutants(data.resolve("mutants.csv"));
        double totalTime =
                durations.values().stream().mapToDouble(Double::doubleValue).sum();
        ModuleInfo module = new ModuleInfo(
                "module",
                checkout,
                List.of(checkout.resolve("src/main/java")),
                List.of(checkout.resolve("src/test/java")),
                List.of(checkout.resolve("src/main/resources")),
                List.of(checkout.resolve("src/test/resources")),
                checkout.resolve("target/classes"),
                checkout.resolve("target/test-classes"),
                List.of());
        boolean bytecode = args.length >= 3 && args[2].equals("bytecode");
        boolean constants = args.length < 3 || bytecode || Boolean.parseBoolean(args[2]);
        ImpactAnalyzer analyzer = new ImpactAnalyzer(null, constants);
        System.out.println(bytecode ? "changes seen in the bytecode" : "followInlinedConstants=" + constants);
        MutantBases bases = bytecode ? new MutantBases(analyzer, module, Files.createTempDirectory("ard-pit")) : null;
        if (args.length > 3 && (args[3].equals("lines") || args[3].equals("gitlines"))) {
            boolean diffed = args[3].equals("gitlines");
            lineLevel(analyzer, checkout, module, bySource, durations, totalTime, bases, diffed);
            return;
        }

        int killed = 0;
        int caught = 0;
        double sumClassShare = 0;
        double sumTimeShare = 0;
        double weightedTimeShare = 0;
        int files = 0;
        List<String> misses = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-62s %6s %6s %9s %7s%n", "source file", "killed", "caught", "classes", "time");
        for (Map.Entry<String, List<Mutant>> e : bySource.entrySet()) {
            List<Mutant> killedHere = e.getValue().stream()
                    .filter(m -> m.status().equals("KILLED"))
                    .toList();
            if (killedHere.isEmpty()) {
                continue;
            }
            // file level: what the file's change selects; bytecode: per mutated class, what its changed bytecode
            // selects
            Map<String, Set<String>> byClass = new TreeMap<>();
            for (Mutant m : killedHere) {
                String key = bytecode ? m.mutatedClass() : "";
                if (!byClass.containsKey(key)) {
                    BytecodeBase base = bytecode ? bases.mutated(m.mutatedClass()) : null;
                    ImpactReport report =
                            analyzer.analyze(checkout, List.of(module), List.of(e.getKey()), ChangeFilter.none(), base);
                    ModuleImpact impact = report.modules().get("module");
                    if (bytecode && !report.changes().startsWith("bytecode")) {
                        throw new IllegalStateException(report.changes());
                    }
                    if (!report.warnings().isEmpty() || impact.runAll()) {
                        System.out.println("  note: " + impact.runAllReason() + " " + report.warnings());
                    }
                    byClass.put(
                            key,
                            new HashSet<>(
                                    impact.runAll()
                                            ? impact.testClasses()
                                            : impact.affected().keySet()));
                }
            }
            Set<String> selected = new HashSet<>();
            byClass.values().forEach(selected::addAll);
            int caughtHere = 0;
            for (Mutant m : killedHere) {
                Set<String> mine = byClass.get(bytecode ? m.mutatedClass() : "");
                if (m.killers().stream().anyMatch(k -> mine.contains(topLevel(k)))) {
                    caughtHere++;
                } else {
                    misses.add(m.id() + " " + e.getKey() + ":" + m.line() + " " + m.method() + " "
                            + m.mutator().substring(m.mutator().lastIndexOf('.') + 1) + " killed by " + m.killers());
                }
            }
            long selectedKnown =
                    durations.keySet().stream().filter(selected::contains).count();
            double time = durations.entrySet().stream()
                    .filter(d -> selected.contains(d.getKey()))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
            double classShare = 100.0 * selectedKnown / durations.size();
            double timeShare = 100.0 * time / totalTime;
            System.out.printf(
                    Locale.ROOT,
                    "%-62s %6d %6d %4d/%-4d %6.1f%%%n",
                    e.getKey(),
                    killedHere.size(),
                    caughtHere,
                    selectedKnown,
                    durations.size(),
                    timeShare);
            killed += killedHere.size();
            caught += caughtHere;
            sumClassShare += classShare;
            sumTimeShare += timeShare;
            weightedTimeShare += timeShare * killedHere.size();
            files++;
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT, "KILLED mutants caught: %d / %d = %.2f %%%n", caught, killed, 100.0 * caught / killed);
        System.out.printf(
                Locale.ROOT,
                "source files: %d; mean share selected per file: %.1f %% of test classes, %.1f %% of test time"
                        + " (mutant-weighted: %.1f %% of test time)%n",
                files,
                sumClassShare / files,
                sumTimeShare / files,
                weightedTimeShare / killed);
        System.out.println("misses: " + misses.size());
        misses.forEach(m -> System.out.println("  " + m));
    }

    /**
     * Per KILLED mutant: the selection when only its line changed, against the oracle of its line (the union of the
     * killing test classes of every KILLED mutant on that line). Shares are means over mutants.
     */
    private static void lineLevel(
            ImpactAnalyzer analyzer,
            Path checkout,
            ModuleInfo module,
            Map<String, List<Mutant>> bySource,
            Map<String, Double> durations,
            double totalTime,
            MutantBases bases,
            boolean diffed) {
        Map<String, Set<String>> selections = new TreeMap<>();
        Map<String, Set<String>> oracle = new TreeMap<>();
        Map<String, Integer> memberLevel = new TreeMap<>();
        int killed = 0;
        int caught = 0;
        double timeShare = 0;
        double oracleShare = 0;
        List<String> misses = new ArrayList<>();
        Map<String, Double> excess = new TreeMap<>(); // method → summed share of test time above the oracle
        long start = System.nanoTime();
        for (Map.Entry<String, List<Mutant>> e : bySource.entrySet()) {
            for (Mutant m : e.getValue()) {
                if (m.status().equals("KILLED")) {
                    oracle.computeIfAbsent(e.getKey() + ":" + m.line(), k -> new TreeSet<>())
                            .addAll(m.killers().stream()
                                    .map(PitGroundTruth::topLevel)
                                    .toList());
                }
            }
        }
        for (Map.Entry<String, List<Mutant>> e : bySource.entrySet()) {
            for (Mutant m : e.getValue()) {
                if (!m.status().equals("KILLED")) {
                    continue;
                }
                String change = bases != null
                        ? m.mutatedClass() + "#" + m.method()
                        : diffed ? diffedEntry(checkout, e.getKey(), m.line()) : e.getKey() + ":" + m.line();
                Set<String> selected = selections.computeIfAbsent(change, c -> {
                    ImpactReport report = bases == null
                            ? analyzer.analyze(checkout, List.of(module), List.of(c), ChangeFilter.none())
                            : analyzer.analyze(
                                    checkout,
                                    List.of(module),
                                    List.of(e.getKey()),
                                    ChangeFilter.none(),
                                    bases.mutatedMethod(m.mutatedClass(), m.method()));
                    ModuleImpact impact = report.modules().get("module");
                    if (impact.affected().values().stream()
                            .anyMatch(r -> !r.via().isEmpty())) {
                        memberLevel.put(c, 1);
                    }
                    return new HashSet<>(
                            impact.runAll()
                                    ? impact.testClasses()
                                    : impact.affected().keySet());
                });
                killed++;
                if (m.killers().stream().anyMatch(k -> selected.contains(topLevel(k)))) {
                    caught++;
                } else {
                    misses.add(m.id() + " " + change + " " + m.method() + " "
                            + m.mutator().substring(m.mutator().lastIndexOf('.') + 1) + " killed by " + m.killers());
                }
                double mine = share(selected, durations, totalTime);
                double best = share(oracle.get(e.getKey() + ":" + m.line()), durations, totalTime);
                timeShare += mine;
                oracleShare += best;
                excess.merge(
                        e.getKey().substring(e.getKey().lastIndexOf('/') + 1) + "#" + m.method()
                                + (memberLevel.containsKey(change) ? "" : " (class level)"),
                        mine - best,
                        Double::sum);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "line level: KILLED mutants caught: %d / %d = %.2f %%%n",
                caught,
                killed,
                100.0 * caught / killed);
        System.out.printf(
                Locale.ROOT,
                "mean share of test time per mutant: %.1f %% (oracle of the line: %.1f %%)%n",
                timeShare / killed,
                oracleShare / killed);
        System.out.printf(
                Locale.ROOT,
                "%d changed lines analysed in %.1f s; %d of them member-level (a test selected through a method path)%n",
                selections.size(),
                seconds,
                memberLevel.size());
        System.out.println("misses: " + misses.size());
        misses.forEach(x -> System.out.println("  " + x));
        // where the distance to the oracle comes from: the methods whose mutants cost the most time beyond it
        System.out.println("most time above the oracle (percentage points of the mean, by mutated method):");
        int mutants = killed;
        System.out.printf(
                Locale.ROOT,
                "  %5.2f  in all, of which class level (escalated or outside every body): %.2f%n",
                excess.values().stream().mapToDouble(Double::doubleValue).sum() / mutants,
                excess.entrySet().stream()
                                .filter(x -> x.getKey().endsWith("(class level)"))
                                .mapToDouble(Map.Entry::getValue)
                                .sum()
                        / mutants);
        excess.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(15)
                .forEach(x -> System.out.printf(Locale.ROOT, "  %5.2f  %s%n", x.getValue() / mutants, x.getKey()));
    }

    /**
     * What a build without a bytecode snapshot gives the analysis for an edit of this line: {@code path:line} from the
     * diff, or the plain path when the line may declare something ({@link ChangedLines}).
     */
    private static String diffedEntry(Path checkout, String file, int line) {
        try {
            List<String> lines = Files.readAllLines(checkout.resolve(file), StandardCharsets.UTF_8);
            byte[] base = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            lines.set(line - 1, lines.get(line - 1) + " ");
            byte[] now = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            return ChangedLines.between(base, now) == null ? file : file + ":" + line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double share(Set<String> selected, Map<String, Double> durations, double totalTime) {
        double time = durations.entrySet().stream()
                .filter(d -> selected.contains(d.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        return 100.0 * time / totalTime;
    }

    /**
     * Base snapshots in which exactly one class differs from the compiled checkout: what a build of a mutant sees when
     * it compares its classes with the unmutated base (a mutant changes the bytecode of one method of one class).
     */
    private static final class MutantBases {
        private final SnapshotStore store;
        private final ModuleSnapshot now;
        private int next;

        MutantBases(ImpactAnalyzer analyzer, ModuleInfo module, Path dir) {
            this.store = new SnapshotStore(dir);
            this.now = analyzer.snapshot(module.id(), module.classesDir(), module.testClassesDir(), sha(0), "bench")
                    .orElseThrow();
        }

        BytecodeBase mutated(String dottedClass) {
            String name = dottedClass.replace('.', '/');
            ClassChecksum c = now.main().get(name);
            if (c == null) {
                throw new IllegalStateException("no class " + name);
            }
            Map<String, ClassChecksum> main = new TreeMap<>(now.main());
            main.put(name, new ClassChecksum(name, c.major(), ~c.checksum(), c.members(), c.constants()));
            String commit = sha(++next);
            String problem = store.write(new ModuleSnapshot(now.module(), commit, "bench", main, now.test()));
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            return BytecodeBase.of(store, commit, "bench");
        }

        /** The mutated class differs only in the bodies of its methods named {@code method} (overloads included). */
        BytecodeBase mutatedMethod(String dottedClass, String method) {
            String name = dottedClass.replace('.', '/');
            ClassChecksum c = now.main().get(name);
            if (c == null) {
                throw new IllegalStateException("no class " + name);
            }
            Map<String, Long> members = new java.util.LinkedHashMap<>(c.members());
            boolean found = false;
            for (Map.Entry<String, Long> m : members.entrySet()) {
                if (m.getKey().startsWith("M " + method + " ")) {
                    m.setValue(~m.getValue());
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("no method " + method + " in " + name);
            }
            Map<String, ClassChecksum> main = new TreeMap<>(now.main());
            main.put(name, new ClassChecksum(name, c.major(), ~c.checksum(), members, c.constants()));
            String commit = sha(++next);
            String problem = store.write(new ModuleSnapshot(now.module(), commit, "bench", main, now.test()));
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            return BytecodeBase.of(store, commit, "bench");
        }

        private static String sha(int i) {
            return String.format(Locale.ROOT, "%040x", i);
        }
    }

    private static String topLevel(String testClass) {
        int dollar = testClass.indexOf('$');
        return dollar < 0 ? testClass : testClass.substring(0, dollar);
    }

    private static Map<String, Double> readTests(Path csv) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.put(f[0], Double.parseDouble(f[1]));
        }
        return out;
    }

    /** The CSV has no quoted fields (checked: no '"' in the file); columns as in its README. */
    private static Map<String, List<Mutant>> readMutants(Path csv) throws IOException {
        Map<String, List<Mutant>> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            List<String> killers = f[7].isEmpty() ? List.of() : List.copyOf(new TreeSet<>(List.of(f[7].split(";"))));
            out.computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(new Mutant(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), f[5], f[6], killers));
        }
        return out;
    }
}
