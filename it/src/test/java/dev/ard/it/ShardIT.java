package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * CI shards in real Maven builds of the two-module selection sample: the shards of one run ({@code -Dard.shard=i/n},
 * one after the other as a CI matrix would run them, each writing its build to the store before the next starts)
 * together run exactly what one unsharded build selects, each class once, and none becomes a selection base.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardIT {

    private static final String LEAF = "core/src/main/java/com/acme/core/Leaf.java";
    private static final Set<String> EVERY_TEST = Sample.SELECTION_TEST_CLASSES;

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.selection("shards").gitInit().branch("feature/s");
    }

    private static MavenLog build(String... args) throws Exception {
        return sample.verify(args);
    }

    /** Test classes that ran in the newest build. */
    private static Set<String> ran() throws Exception {
        return sample.newestBuildClasses(true);
    }

    private static List<String> newestRunAndShard() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            String id = db.newestBuild();
            return java.util.Arrays.asList(
                    db.strings("SELECT run_id FROM build WHERE id = ?", id).get(0),
                    db.strings("SELECT shard FROM build WHERE id = ?", id).get(0));
        }
    }

    /** Runs shards 1..n of run {@code run}; each shard's classes, in shard order. */
    private static List<Set<String>> shards(int total, String run, String... args) throws Exception {
        List<Set<String>> shards = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            // (almost) no clock margin: every build here is written by this machine, and the next one starts seconds
            // later
            List<String> all = new ArrayList<>(
                    List.of("-Dard.shard=" + i + "/" + total, "-Dard.run=" + run, "-Dard.shard.clockMargin=1ms"));
            all.addAll(List.of(args));
            MavenLog log = build(all.toArray(String[]::new));
            assertThat(log.exitCode()).as("%s", log).isZero();
            assertThat(log.ardWarnings()).as("%s", log).isEmpty();
            assertThat(newestRunAndShard()).containsExactly(run, i + "/" + total);
            assertThat(log.summary()).as("%s", log).contains(" as shard " + i + "/" + total + " (");
            shards.add(ran());
        }
        return shards;
    }

    private static void assertDisjointWithUnion(List<Set<String>> shards, Set<String> expected) {
        Set<String> union = new HashSet<>();
        for (Set<String> shard : shards) {
            for (String c : shard) {
                assertThat(union.add(c))
                        .as("%s ran in two shards: %s", c, shards)
                        .isTrue();
            }
        }
        assertThat(union).isEqualTo(expected);
    }

    @Test
    @Order(1)
    void withoutHistoryTheShardsSplitEveryTest() throws Exception {
        // no history: every test runs, split across the shards (every class estimated alike)
        List<Set<String>> shards = shards(3, "run-1");
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            assertThat(db.strings("SELECT run_id FROM run_snapshot")).containsExactly("run-1");
        }

        assertDisjointWithUnion(shards, EVERY_TEST);
        assertThat(shards).allMatch(s -> !s.isEmpty());

        // a late job of the same run with another shard count cannot agree with the others: it runs everything
        MavenLog odd = build("-Dard.shard=1/2", "-Dard.run=run-1");
        assertThat(odd.exitCode()).as("%s", odd).isZero();
        assertThat(odd.ardWarnings())
                .as("%s", odd)
                .anyMatch(l -> l.contains("ARD: shard 1/2 runs the whole selection: its ARD version or settings differ"
                                + " from the run's first shard (ARD ")
                        && l.contains("; n=3; ard.shard.clockMargin=1ms; this shard: ARD ")
                        && l.endsWith("; n=2)"));
        assertThat(ran()).isEqualTo(EVERY_TEST);
    }

    @Test
    @Order(2)
    void aFullBuildThenTheShardsOfAChangeRunExactlyItsSelection() throws Exception {
        MavenLog full = build(); // the base: sharded builds never are one
        assertThat(full.exitCode()).as("%s", full).isZero();
        assertThat(ran()).isEqualTo(EVERY_TEST);

        sample.edit(LEAF, "return 1;", "return Math.abs(-1);").commitAll("leaf");
        List<Set<String>> shards = shards(2, "run-2");
        // one unsharded build of the same change, after the shards: its base is still the full build
        MavenLog whole = build();
        assertThat(whole.exitCode()).as("%s", whole).isZero();
        Set<String> selection = ran();

        assertThat(selection)
                .containsExactly("com.acme.app.ServiceIT", "com.acme.app.ServiceTest", "com.acme.core.LeafTest");
        assertDisjointWithUnion(shards, selection);

        // the what-if reads the same snapshot as the shards did, so it prints their partition
        MavenLog select = sample.maven("test-compile", "ard:select", "-Dard.shard=all/2", "-Dard.run=run-2")
                .run("select-" + sample.nextBuild());
        assertThat(select.exitCode()).as("%s", select).isZero();
        JsonNode line =
                new ObjectMapper().readTree(Files.readString(sample.dir().resolve("target/ard/selections.jsonl")));
        List<Set<String>> printed = new ArrayList<>();
        line.path("shards").forEach(s -> {
            Set<String> classes = new TreeSet<>();
            s.forEach(c -> classes.add(c.asText()));
            printed.add(classes);
        });
        assertThat(printed).isEqualTo(shards);
        assertThat(select.lines()).anyMatch(l -> l.startsWith("[INFO] ARD: shard 1/2: "));
    }

    @Test
    @Order(3)
    void gitLabsParallelVariablesAreAShardToo() throws Exception {
        MavenLog log = sample.maven("verify")
                .env("CI_NODE_INDEX", "2")
                .env("CI_NODE_TOTAL", "2")
                .run(sample.nextBuild());

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(newestRunAndShard().get(1)).isEqualTo("2/2");
    }

    @Test
    @Order(4)
    void aMalformedOrOutOfRangeShardFailsTheBuild() throws Exception {
        for (String bad : List.of("3/2", "two/4", "0/4")) {
            MavenLog log = build("-Dard.shard=" + bad);

            assertThat(log.exitCode()).as("%s", log).isNotZero();
            assertThat(log.lines()).as("%s", log).anyMatch(l -> l.contains("ARD: ard.shard='" + bad + "'"));
            assertThat(log.lines()).noneMatch(l -> l.contains("Tests run:"));
        }
    }

    @Test
    @Order(5)
    void aWhatIfPartitionInABuildRunsTheWholeSelectionAndSaysSo() throws Exception {
        sample.edit(LEAF, "return Math.abs(-1);", "return Math.max(0, 1);").commitAll("leaf again");
        MavenLog log = build("-Dard.shard=all/2");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .anyMatch(l -> l.contains("ARD: shard all/2 runs the whole selection: ard.shard=all/2 is a what-if"));
        assertThat(ran())
                .containsExactly("com.acme.app.ServiceIT", "com.acme.app.ServiceTest", "com.acme.core.LeafTest");
    }

    @Test
    @Order(6)
    void aShardThatCannotReadTheStoreRunsTheWholeSelectionAndSaysSo() throws Exception {
        MavenLog log = build("-Dard.shard=1/2", "-Dard.store=jdbc:postgresql://127.0.0.1:1/x");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .anyMatch(l -> l.contains("ARD: shard 1/2 runs the whole selection: "));
        assertThat(log.lines().stream().filter(l -> l.contains("Tests run:") && !l.contains(" -- in ")))
                .as("%s", log)
                .isNotEmpty();
    }
}
