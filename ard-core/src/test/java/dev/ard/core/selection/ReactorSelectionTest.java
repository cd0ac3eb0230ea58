package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.Reactor;
import dev.ard.core.selection.features.FeatureState;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import dev.ard.core.selection.model.FailureModelTest;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.TrainedModel;
import dev.ard.core.selection.predictive.Calibration;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.ImpactFact;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole decision on a real compiled reactor: core ← app, plus an unrelated module other. */
class ReactorSelectionTest {

    private static final String LEAF = "core/src/main/java/com/x/Leaf.java";
    private static final List<String> CLASSES = List.of(
            "com.x.LeafTest", "com.x.OtherCoreTest", "com.y.ServiceTest", "com.y.StandaloneTest", "com.z.OtherTest");

    @TempDir
    static Path dir;

    static Reactor reactor;

    @BeforeAll
    static void compileReactor() {
        reactor = new Reactor(dir).module("core").module("app", "core").module("other");
        reactor.main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 1; } }")
                .main("core", "com/x/Unrelated.java", "package com.x; public class Unrelated { }")
                .test(
                        "core",
                        "com/x/LeafTest.java",
                        "package com.x; public class LeafTest { void t() { new Leaf().v(); } }")
                .test(
                        "core",
                        "com/x/OtherCoreTest.java",
                        "package com.x; public class OtherCoreTest { void t() { new Unrelated(); } }")
                .main(
                        "app",
                        "com/y/Service.java",
                        "package com.y; public class Service { public int v() { return new com.x.Leaf().v(); } }")
                .test(
                        "app",
                        "com/y/ServiceTest.java",
                        "package com.y; public class ServiceTest { void t() { new Service().v(); } }")
                .test("app", "com/y/StandaloneTest.java", "package com.y; public class StandaloneTest { }")
                .test("other", "com/z/OtherTest.java", "package com.z; public class OtherTest { }")
                .compile();
    }

    /** Every class ran and passed before, except as given. */
    private static TestHistory history(Map<String, Outcome> lastFailures) {
        Map<String, String> moduleOf = Map.of("com.x", "core", "com.y", "app", "com.z", "other");
        Set<String> seen = new java.util.HashSet<>();
        Map<String, Outcome> failures = new HashMap<>();
        for (String c : CLASSES) {
            String module = moduleOf.get(c.substring(0, c.lastIndexOf('.')));
            seen.add(TestHistory.key(module, c));
            if (lastFailures.containsKey(c)) {
                failures.put(TestHistory.key(module, c), lastFailures.get(c));
            }
        }
        return new TestHistory(seen, failures, Map.of());
    }

    private static SelectionBasis.Select safe(ChangeSet changes, TestHistory history) {
        return new SelectionBasis.Select(SelectionMode.SAFE, changes, history, null, dir, null);
    }

    private static ReactorSelection selection(
            SelectionBasis basis, ReactorSelection.Rules rules, List<String> warnings) {
        return new ReactorSelection(basis, reactor.modules(), dir, new ImpactAnalyzer(null), rules, warnings::add);
    }

    private static ReactorSelection.Rules rules(String mustRun, boolean historyRequired) {
        return new ReactorSelection.Rules(
                MustRunRules.of(mustRun), ChangeFilter.of("**/*.md"), TimeBudget.NONE, historyRequired);
    }

    private static List<String> selected(ReactorSelection selection, String... modules) {
        List<String> all = new ArrayList<>();
        for (String module : modules) {
            all.addAll(selection.select(module, c -> true).selected());
        }
        return all;
    }

    @Test
    void aChangeSelectsTheTestsItReachesAcrossModulesPlusTheMustRunOnes() {
        ReactorSelection selection = selection(
                safe(ChangeSet.of(List.of(LEAF)), history(Map.of("com.z.OtherTest", Outcome.FAILED))),
                rules("*StandaloneTest", true),
                new ArrayList<>());

        assertThat(selected(selection, "core", "app", "other"))
                .containsExactly("com.x.LeafTest", "com.y.ServiceTest", "com.y.StandaloneTest", "com.z.OtherTest");
        TestSelection app = selection.select("app", c -> true);
        assertThat(app.skipped()).isEmpty();
        assertThat(app.decisions().get(0).reason()).contains("com.x.Leaf").contains("2 hops");
        assertThat(app.decisions().get(1).reason()).isEqualTo("matches ard.mustRun *StandaloneTest");
        assertThat(selection.select("core", c -> true).skipped()).containsExactly("com.x.OtherCoreTest");
        assertThat(selection.select("other", c -> true).decisions().get(0).reason())
                .isEqualTo("last run on this branch failed");
    }

    @Test
    void theImpactFactsSayWhatTheSafePolicyDecidedAndHowNearAChangeIs() {
        ReactorSelection selection = selection(
                safe(ChangeSet.of(List.of(LEAF)), history(Map.of())),
                rules("*StandaloneTest", true),
                new ArrayList<>());

        assertThat(selection.facts("app", c -> true))
                .containsExactly(
                        new ImpactFact("app", "com.y.ServiceTest", true, 2, 1),
                        new ImpactFact("app", "com.y.StandaloneTest", true, -1, 0));
        assertThat(selection.facts("core", c -> true))
                .containsExactly(
                        new ImpactFact("core", "com.x.LeafTest", true, 1, 1),
                        new ImpactFact("core", "com.x.OtherCoreTest", false, -1, 0));
        assertThat(selection.facts("core", c -> c.endsWith("LeafTest"))).hasSize(1);
        assertThat(selection.facts("not-in-the-reactor", c -> true)).isEmpty();
    }

    @Test
    void theCandidateFilterNarrowsTheClassesDecidedOn() {
        ReactorSelection selection =
                selection(safe(ChangeSet.of(List.of(LEAF)), history(Map.of())), rules(null, true), new ArrayList<>());

        TestSelection onlyService = selection.select("app", c -> c.endsWith("ServiceTest"));
        assertThat(onlyService.decisions()).extracting(TestDecision::className).containsExactly("com.y.ServiceTest");
        assertThat(selection.select("no:such-module", c -> true).decisions()).isEmpty();
    }

    @Test
    void aRunAllBasisRunsEveryClassWithItsReason() {
        ReactorSelection selection = selection(
                new SelectionBasis.RunAll(SelectionMode.SAFE, "no test history in the store yet"),
                rules(null, true),
                new ArrayList<>());

        TestSelection core = selection.select("core", c -> true);
        assertThat(core.selected()).containsExactly("com.x.LeafTest", "com.x.OtherCoreTest");
        assertThat(core.runAllReason()).isEqualTo("no test history in the store yet");
        assertThat(core.decisions())
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo("no test history in the store yet"));
    }

    @Test
    void withoutHistoryABuildRunsAllAndAWhatIfQuestionLetsTheImpactDecide() {
        SelectionBasis.Select basis = safe(ChangeSet.of(List.of(LEAF)), TestHistory.EMPTY);

        assertThat(selection(basis, rules(null, true), new ArrayList<>())
                        .select("core", c -> true)
                        .runAllReason())
                .isEqualTo("no test history in the store yet");
        assertThat(selected(selection(basis, rules(null, false), new ArrayList<>()), "core", "app", "other"))
                .containsExactly("com.x.LeafTest", "com.y.ServiceTest");
    }

    @Test
    void aModuleTheLastGreenBaseDidNotTestRunsAll() {
        ChangeSet fromGreen = new ChangeSet(
                "0123456789abcdef",
                ChangeSet.LAST_GREEN,
                ChangeSet.of(List.of(LEAF)).changes(),
                null);
        GreenBuild green = new GreenBuild("b1", "0123456789abcdef", List.of(), Set.of("core", "other"));
        ReactorSelection selection = selection(
                new SelectionBasis.Select(SelectionMode.SAFE, fromGreen, history(Map.of()), green, dir, null),
                rules(null, true),
                new ArrayList<>());

        assertThat(selection.select("app", c -> true).runAllReason())
                .isEqualTo("its tests did not run in the base build 0123456789");
        assertThat(selection.select("core", c -> true).skipped()).containsExactly("com.x.OtherCoreTest");
    }

    @Test
    void eachModuleIsAnalysedWithItsUpstreamOnlyAndAWarningIsGivenOnce() throws Exception {
        Path other = dir.resolve("other-copy");
        Reactor broken = new Reactor(other).module("core").module("app", "core").module("late", "app");
        broken.main("core", "com/x/Leaf.java", "package com.x; public class Leaf { public int v() { return 1; } }")
                .test(
                        "core",
                        "com/x/LeafTest.java",
                        "package com.x; public class LeafTest { void t() { new Leaf().v(); } }")
                .main(
                        "app",
                        "com/y/Service.java",
                        "package com.y; public class Service { public int v() { return new com.x.Leaf().v(); } }")
                .test(
                        "app",
                        "com/y/ServiceTest.java",
                        "package com.y; public class ServiceTest { void t() { new Service().v(); } }")
                .compile();
        // A downstream module not compiled yet in a build may hold anything: it must not disturb its upstream modules.
        Files.createDirectories(broken.classes("late").resolve("com/w"));
        Files.write(broken.classes("late").resolve("com/w/Half.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.createDirectories(broken.testClasses("late"));
        List<String> warnings = new CopyOnWriteArrayList<>();
        SelectionBasis.Select basis = new SelectionBasis.Select(
                SelectionMode.SAFE, ChangeSet.of(List.of(LEAF)), TestHistory.EMPTY, null, other, null);
        ReactorSelection selection = new ReactorSelection(
                basis, broken.modules(), other, new ImpactAnalyzer(null), rules(null, false), warnings::add);

        assertThat(selection.select("core", c -> true).selected()).containsExactly("com.x.LeafTest");
        assertThat(selection.select("app", c -> true).selected()).containsExactly("com.y.ServiceTest");
        assertThat(warnings).isEmpty();

        assertThat(selection.select("late", c -> true).runAllReason()).startsWith("corrupt class file");
        selection.select("late", c -> c.contains("X"));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void parallelModuleThreadsGetTheSameAnswers() throws Exception {
        ReactorSelection selection =
                selection(safe(ChangeSet.of(List.of(LEAF)), history(Map.of())), rules(null, true), new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String module = List.of("core", "app", "other").get(i % 3);
                answers.add(
                        pool.submit(() -> selection.select(module, c -> true).selected()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(answers.get(i % 3).get());
            }
            assertThat(answers.get(0).get()).containsExactly("com.x.LeafTest");
            assertThat(answers.get(1).get()).containsExactly("com.y.ServiceTest");
            assertThat(answers.get(2).get()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPredictiveBasisNarrowsTheSafeSelectionByTheModel() {
        ChangeSet changes = ChangeSet.of(List.of(LEAF));
        TestHistory history = history(Map.of("com.z.OtherTest", Outcome.FAILED));
        PredictiveContext never = new PredictiveContext(model(Double.POSITIVE_INFINITY), seenEverywhere(), null);
        PredictiveContext always = new PredictiveContext(model(0.0), seenEverywhere(), null);

        ReactorSelection cut = selection(
                new SelectionBasis.Select(SelectionMode.PREDICTIVE, changes, history, null, dir, never),
                rules(null, true),
                new ArrayList<>());
        assertThat(selected(cut, "core", "app", "other"))
                .as("reached classes below the threshold are cut, must-run ones stay")
                .containsExactly("com.z.OtherTest");
        assertThat(cut.select("core", c -> true).decisions().get(0).reason()).contains("P(fail)=");

        ReactorSelection kept = selection(
                new SelectionBasis.Select(SelectionMode.PREDICTIVE, changes, history, null, dir, always),
                rules(null, true),
                new ArrayList<>());
        assertThat(selected(kept, "core", "app", "other"))
                .containsExactly("com.x.LeafTest", "com.y.ServiceTest", "com.z.OtherTest");
    }

    /** A model whose threshold is fixed. */
    private static TrainedModel model(double threshold) {
        TrainedModel m = ModelTrainer.train(FailureModelTest.synthetic(3000, 9), 0.9, ModelTrainer.Requirements.DEFAULT)
                .model();
        return new TrainedModel(m.model(), new Calibration(0.99, threshold, 1, 1, 1, 1), m.trainedAt(), 1, 1, 1);
    }

    /** Every class ran once and passed. */
    private static FeatureState seenEverywhere() {
        FeatureState state = new FeatureState();
        Map<String, TestRun> tests = new LinkedHashMap<>();
        CLASSES.forEach(c -> tests.put(c, new TestRun(c, false, false, 100)));
        state.record(new HistoryBuild("b1", 1, null, List.of(), tests));
        return state;
    }
}
