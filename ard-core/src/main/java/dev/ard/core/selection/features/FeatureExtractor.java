package dev.ard.core.selection.features;

import dev.ard.core.impact.Reason;
import dev.ard.core.selection.history.HistoryBuild;
import java.util.List;

/**
 * Computes the {@link Feature} vector of a candidate test class for a build's change, from a {@link FeatureState}
 * holding only earlier builds.
 */
public final class FeatureExtractor {

    private final FeatureState state;

    public FeatureExtractor(FeatureState state) {
        this.state = state;
    }

    /**
     * @param changedPaths the build's changed paths
     * @param testClass    the candidate
     * @param impact       {@code null} without bytecode analysis; else whether and how a change reaches the test
     */
    public double[] features(List<String> changedPaths, String testClass, Impact impact) {
        double[] x = new double[Feature.ALL.size()];
        if (impact == null) {
            x[Feature.IN_SAFE_SET.ordinal()] = -1;
            x[Feature.GRAPH_DISTANCE.ordinal()] = -1;
            x[Feature.CHANGED_CLASSES_REACHING.ordinal()] = -1;
        } else {
            Reason r = impact.reason();
            x[Feature.IN_SAFE_SET.ordinal()] = r == null ? 0 : 1;
            x[Feature.GRAPH_DISTANCE.ordinal()] = r == null ? -1 : r.hops();
            x[Feature.CHANGED_CLASSES_REACHING.ordinal()] = r == null ? 0 : r.changedClassesReaching();
        }
        double name = 0;
        double pkg = 0;
        double coFailure = 0;
        double coRatio = 0;
        int mainSources = 0;
        boolean ownFile = false;
        for (String path : changedPaths) {
            ownFile |= Affinity.isSourceOf(testClass, path);
            name = Math.max(name, Affinity.name(testClass, path));
            pkg = Math.max(pkg, Affinity.pkg(testClass, path));
            int co = state.coFailures(path, testClass);
            coFailure += co;
            int changes = state.fileChanges(path);
            if (changes > 0) {
                coRatio = Math.max(coRatio, (double) co / changes);
            }
            if (path.endsWith(".java") && !path.contains("/test/") && !path.startsWith("test/")) {
                mainSources++;
            }
        }
        FeatureState.TestStats s = state.stats(testClass);
        x[Feature.TEST_FILE_CHANGED.ordinal()] = ownFile ? 1 : 0;
        x[Feature.TEST_NEW.ordinal()] = s == null ? 1 : 0;
        x[Feature.NAME_AFFINITY.ordinal()] = name;
        x[Feature.PACKAGE_AFFINITY.ordinal()] = pkg;
        x[Feature.FAILURE_RATE.ordinal()] = state.failureRate(testClass);
        x[Feature.FAILURE_RATE_RECENT.ordinal()] = s == null || s.recent.isEmpty()
                ? 0
                : s.recent.stream().filter(Boolean::booleanValue).count() / (double) s.recent.size();
        x[Feature.RUNS_SINCE_FAILURE.ordinal()] = state.runsSinceFailure(testClass);
        x[Feature.FLAKY_RATE.ordinal()] = s == null || s.runs == 0 ? 0 : (double) s.flaky / s.runs;
        x[Feature.MEAN_DURATION.ordinal()] = Math.log1p(state.meanDurationMs(testClass, 0));
        x[Feature.CO_FAILURE.ordinal()] = coFailure;
        x[Feature.CO_FAILURE_RATIO.ordinal()] = coRatio;
        x[Feature.CHANGED_FILES.ordinal()] = changedPaths.size();
        x[Feature.CHANGED_MAIN_SOURCES.ordinal()] = mainSources;
        x[Feature.RUNS.ordinal()] = Math.log1p(s == null ? 0 : s.runs);
        return x;
    }

    /** Features of every test class of {@code build}'s suite, in suite order. */
    public double[][] features(HistoryBuild build) {
        return build.tests().keySet().stream()
                .map(c -> features(build.changedPaths(), c, null))
                .toArray(double[][]::new);
    }

    /** The bytecode impact of a build on one test: {@code reason} is {@code null} when no change reaches it. */
    public record Impact(Reason reason) {

        /** The impact a build recorded ({@code null}: none recorded, the graph features are unknown). */
        public static Impact of(dev.ard.core.telemetry.ImpactFact fact) {
            if (fact == null) {
                return null;
            }
            return new Impact(fact.reached() ? new Reason(null, null, fact.hops(), fact.reaching()) : null);
        }
    }
}
