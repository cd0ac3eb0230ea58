package dev.ard.core.selection.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.Reason;
import dev.ard.core.selection.history.HistoryBuild;
import dev.ard.core.selection.history.TestRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final String FOO_TEST = "org.acme.codec.FooBarTest";
    private static final String FOO = "src/main/java/org/acme/codec/FooBar.java";
    private static final String OTHER = "src/main/java/org/other/Baz.java";

    private final FeatureState state = new FeatureState();
    private final FeatureExtractor extractor = new FeatureExtractor(state);
    private long order;

    private void build(List<String> changed, TestRun... runs) {
        Map<String, TestRun> tests = new LinkedHashMap<>();
        for (TestRun r : runs) {
            tests.put(r.className(), r);
        }
        state.record(new HistoryBuild("b" + (++order), order, null, changed, tests));
    }

    private static TestRun run(String c, boolean failed, double ms) {
        return new TestRun(c, failed, false, ms);
    }

    private double f(double[] x, Feature feature) {
        return x[feature.ordinal()];
    }

    @Test
    void graphFeaturesComeFromTheImpactReasonAndAreMinusOneWithoutBytecode() {
        double[] reached = extractor.features(
                List.of(FOO), FOO_TEST, new FeatureExtractor.Impact(new Reason("org.acme.codec.FooBar", FOO, 2, 3)));
        assertThat(f(reached, Feature.IN_SAFE_SET)).isEqualTo(1);
        assertThat(f(reached, Feature.GRAPH_DISTANCE)).isEqualTo(2);
        assertThat(f(reached, Feature.CHANGED_CLASSES_REACHING)).isEqualTo(3);

        double[] notReached = extractor.features(List.of(FOO), FOO_TEST, new FeatureExtractor.Impact(null));
        assertThat(f(notReached, Feature.IN_SAFE_SET)).isEqualTo(0);
        assertThat(f(notReached, Feature.GRAPH_DISTANCE)).isEqualTo(-1);

        double[] none = extractor.features(List.of(FOO), FOO_TEST, null);
        assertThat(f(none, Feature.IN_SAFE_SET)).isEqualTo(-1);
        assertThat(f(none, Feature.CHANGED_CLASSES_REACHING)).isEqualTo(-1);
    }

    @Test
    void testFileChangedAndNewTest() {
        double[] x = extractor.features(List.of("src/test/java/org/acme/codec/FooBarTest.java"), FOO_TEST, null);
        assertThat(f(x, Feature.TEST_FILE_CHANGED)).isEqualTo(1);
        assertThat(f(x, Feature.TEST_NEW)).isEqualTo(1);
        assertThat(HistoryMustRun.reason(x)).isEqualTo("never run before");

        build(List.of(), run(FOO_TEST, false, 10));
        double[] y = extractor.features(List.of("src/test/java/org/acme/codec/FooBarTest.java"), FOO_TEST, null);
        assertThat(f(y, Feature.TEST_NEW)).isEqualTo(0);
        assertThat(HistoryMustRun.reason(y)).isEqualTo("test source changed");
        assertThat(f(extractor.features(List.of(OTHER), FOO_TEST, null), Feature.TEST_FILE_CHANGED))
                .isEqualTo(0);
    }

    @Test
    void nameAndPackageAffinity() {
        double[] same = extractor.features(List.of(FOO), FOO_TEST, null);
        assertThat(f(same, Feature.NAME_AFFINITY)).isEqualTo(1.0); // foo, bar vs foo, bar
        assertThat(f(same, Feature.PACKAGE_AFFINITY)).isEqualTo(1.0);

        double[] half = extractor.features(List.of("src/main/java/org/acme/Foo.java"), FOO_TEST, null);
        assertThat(f(half, Feature.NAME_AFFINITY)).isEqualTo(0.5);
        assertThat(f(half, Feature.PACKAGE_AFFINITY)).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));

        double[] far = extractor.features(List.of(OTHER), FOO_TEST, null);
        assertThat(f(far, Feature.NAME_AFFINITY)).isEqualTo(0);
        assertThat(f(far, Feature.PACKAGE_AFFINITY)).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void failureRatesRecencyFlakinessAndDuration() {
        build(List.of(FOO), run(FOO_TEST, true, 100));
        build(List.of(OTHER), run(FOO_TEST, false, 300));
        build(List.of(OTHER), run(FOO_TEST, false, 200));
        double[] x = extractor.features(List.of(OTHER), FOO_TEST, null);
        assertThat(f(x, Feature.FAILURE_RATE)).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f(x, Feature.FAILURE_RATE_RECENT)).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f(x, Feature.RUNS_SINCE_FAILURE)).isEqualTo(2);
        assertThat(f(x, Feature.FLAKY_RATE))
                .isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9)); // fail, then pass
        assertThat(f(x, Feature.MEAN_DURATION)).isCloseTo(Math.log1p(200), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f(x, Feature.RUNS)).isCloseTo(Math.log1p(3), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(HistoryMustRun.reason(x)).isNull();

        for (int i = 0; i < FeatureState.RECENT; i++) {
            build(List.of(), run(FOO_TEST, false, 1));
        }
        double[] later = extractor.features(List.of(), FOO_TEST, null);
        assertThat(f(later, Feature.FAILURE_RATE_RECENT)).isEqualTo(0);
        assertThat(f(later, Feature.FAILURE_RATE)).isGreaterThan(0);
    }

    @Test
    void neverFailedIsCappedAndFailedLastIsMustRun() {
        assertThat(f(extractor.features(List.of(), FOO_TEST, null), Feature.RUNS_SINCE_FAILURE))
                .isEqualTo(FeatureState.NEVER);
        build(List.of(), run(FOO_TEST, true, 1));
        double[] x = extractor.features(List.of(), FOO_TEST, null);
        assertThat(f(x, Feature.RUNS_SINCE_FAILURE)).isEqualTo(0);
        assertThat(HistoryMustRun.reason(x)).isEqualTo("failed in its last run");
    }

    @Test
    void coFailureWithChangedFiles() {
        build(List.of(FOO, OTHER), run(FOO_TEST, true, 1));
        build(List.of(FOO), run(FOO_TEST, false, 1));
        build(List.of(FOO), run(FOO_TEST, true, 1));
        double[] x = extractor.features(List.of(FOO, OTHER, "README.md"), FOO_TEST, null);
        assertThat(f(x, Feature.CO_FAILURE)).isEqualTo(3); // FOO: 2, OTHER: 1
        assertThat(f(x, Feature.CO_FAILURE_RATIO)).isEqualTo(1.0); // OTHER changed once, failed once
        assertThat(f(extractor.features(List.of("README.md"), FOO_TEST, null), Feature.CO_FAILURE))
                .isEqualTo(0);
    }

    @Test
    void changeSize() {
        double[] x =
                extractor.features(List.of(FOO, OTHER, "src/test/java/org/acme/XTest.java", "pom.xml"), FOO_TEST, null);
        assertThat(f(x, Feature.CHANGED_FILES)).isEqualTo(4);
        assertThat(f(x, Feature.CHANGED_MAIN_SOURCES)).isEqualTo(2);
    }

    @Test
    void theStateOfABuildNeverContainsItsOwnOutcome() {
        Map<String, TestRun> tests = Map.of(FOO_TEST, run(FOO_TEST, true, 1));
        HistoryBuild b = new HistoryBuild("b1", 1, null, List.of(FOO), tests);
        double[][] before = extractor.features(b);
        assertThat(f(before[0], Feature.FAILURE_RATE)).isEqualTo(0);
        assertThat(f(before[0], Feature.CO_FAILURE)).isEqualTo(0);
        state.record(b);
        assertThat(f(extractor.features(b)[0], Feature.FAILURE_RATE)).isEqualTo(1);
    }

    @Test
    void namesMatchTheColumns() {
        assertThat(Feature.names()).hasSize(Feature.values().length).contains("co_failure", "graph_distance");
    }
}
