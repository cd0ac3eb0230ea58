package dev.ard.core.report;

import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightFacts.ClassHistory;
import dev.ard.core.telemetry.InsightFacts.MethodResult;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.TelemetryStore.BuildSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Selection's recall over a team's own history (docs/architecture.md §10). The rule, exactly:
 *
 * <ul>
 *   <li>A <em>selective build</em> is a build recorded in mode {@code safe} or {@code predictive} on a clean checkout.
 *   <li>A class it ran that failed (a FAILED or ERROR method) is <em>caught</em>.
 *   <li>A class it skipped by selection (not one that ran in a sibling CI shard) is <em>confirmed</em> by the first
 *       later build that ran the class, on a clean checkout, whose commit contains the selective build's commit (the
 *       merge to a full branch, a later {@code all} build, a scheduled full run). A build of a descendant commit counts
 *       as later even when its recorded start is up to an hour earlier (clock skew between CI machines); the first is
 *       the one that started first. If the class failed there, it is a
 *       <em>miss</em>; if it passed, the skip was right; with no such build yet, it is not counted.
 *   <li>Recall per mode: caught / (caught + missed) classes; and of the selective builds with a caught or a missed
 *       class, the share that caught at least one (that went red as they should).
 * </ul>
 *
 * Without the repository ({@link CommitAncestry#SAME_COMMIT_ONLY}) only a later build of the same commit confirms; a
 * squash or rebase merge makes new commits, which contain no branch commit, so those skips stay unconfirmed.
 */
public final class SelectionMisses {
    private SelectionMisses() {}

    /** A class a selective build skipped and a later build containing its commit failed. */
    public record Miss(BuildRecord skippedIn, BuildRecord failedIn, String module, String className, String reason) {}

    /** Recall of one mode. */
    public record Recall(RecordedMode mode, int caughtClasses, int missedClasses, int caughtBuilds, int failingBuilds) {

        /** caught / (caught + missed) classes, or NaN with neither. */
        public double classRecall() {
            int all = caughtClasses + missedClasses;
            return all == 0 ? Double.NaN : (double) caughtClasses / all;
        }

        /** Share of the builds with a failing class that caught one, or NaN with none. */
        public double buildRecall() {
            return failingBuilds == 0 ? Double.NaN : (double) caughtBuilds / failingBuilds;
        }
    }

    /** The misses, newest skip first, and the recall of each selective mode seen. */
    public record Result(List<Miss> misses, List<Recall> recall, int confirmedSkips) {
        public Result {
            misses = List.copyOf(misses);
            recall = List.copyOf(recall);
        }

        /** The keys ({@link InsightFacts#key}) of the skips that were misses, to look their reasons up. */
        public List<String> keys() {
            return misses.stream()
                    .map(m -> InsightFacts.key(m.skippedIn().id(), m.module(), m.className()))
                    .toList();
        }

        /** The same result, each miss with its skip reason from {@code reasons} (by {@link #keys() key}). */
        public Result withReasons(Map<String, String> reasons) {
            return new Result(
                    misses.stream()
                            .map(m -> new Miss(
                                    m.skippedIn(),
                                    m.failedIn(),
                                    m.module(),
                                    m.className(),
                                    reasons.getOrDefault(
                                            InsightFacts.key(m.skippedIn().id(), m.module(), m.className()),
                                            m.reason())))
                            .toList(),
                    recall,
                    confirmedSkips);
        }
    }

    /** How much earlier than a skipping build a build of a descendant commit may have recorded its start. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    public static Result find(InsightFacts facts, CommitAncestry ancestry) {
        List<BuildRecord> byStart = new ArrayList<>();
        for (BuildSummary summary : facts.builds()) {
            byStart.add(summary.build());
        }
        byStart.sort(Comparator.comparing(BuildRecord::startedAt).thenComparing(BuildRecord::id));
        List<Miss> misses = new ArrayList<>();
        Map<RecordedMode, int[]> classes = new EnumMap<>(RecordedMode.class); // caught, missed
        Map<RecordedMode, Set<String>> caughtBuilds = new EnumMap<>(RecordedMode.class);
        Map<RecordedMode, Set<String>> failingBuilds = new EnumMap<>(RecordedMode.class);
        int confirmed = 0;
        for (ClassHistory history : facts.watched()) {
            Map<String, ClassState> states = states(history);
            List<BuildRecord> ran = new ArrayList<>(); // clean builds that ran the class, by start
            for (BuildRecord build : byStart) {
                ClassState state = states.get(build.id());
                if (state != null
                        && state.ran
                        && !build.checkout().dirty()
                        && build.checkout().commit() != null) {
                    ran.add(build);
                }
            }
            for (BuildRecord build : byStart) {
                ClassState state = states.get(build.id());
                if (state == null || !selective(build)) {
                    continue;
                }
                RecordedMode mode = build.mode();
                if (state.failed) {
                    classes.computeIfAbsent(mode, m -> new int[2])[0]++;
                    caughtBuilds.computeIfAbsent(mode, m -> new HashSet<>()).add(build.id());
                    failingBuilds.computeIfAbsent(mode, m -> new HashSet<>()).add(build.id());
                    continue;
                }
                String reason =
                        facts.skipReasons().get(InsightFacts.key(build.id(), history.module(), history.className()));
                if (!state.skippedBySelection || state.ran || inOtherShard(reason)) {
                    continue;
                }
                BuildRecord confirming = confirming(build, ran, ancestry);
                if (confirming == null) {
                    continue;
                }
                confirmed++;
                if (states.get(confirming.id()).failed) {
                    classes.computeIfAbsent(mode, m -> new int[2])[1]++;
                    failingBuilds.computeIfAbsent(mode, m -> new HashSet<>()).add(build.id());
                    misses.add(new Miss(build, confirming, history.module(), history.className(), reason));
                }
            }
        }
        misses.sort(Comparator.comparing((Miss m) -> m.skippedIn().startedAt())
                .reversed()
                .thenComparing(Miss::module)
                .thenComparing(Miss::className));
        List<Recall> recall = new ArrayList<>();
        for (RecordedMode mode : List.of(RecordedMode.SAFE, RecordedMode.PREDICTIVE)) {
            int[] counts = classes.getOrDefault(mode, new int[2]);
            recall.add(new Recall(
                    mode,
                    counts[0],
                    counts[1],
                    caughtBuilds.getOrDefault(mode, Set.of()).size(),
                    failingBuilds.getOrDefault(mode, Set.of()).size()));
        }
        return new Result(misses, recall, confirmed);
    }

    private static boolean selective(BuildRecord build) {
        return (build.mode() == RecordedMode.SAFE || build.mode() == RecordedMode.PREDICTIVE)
                && !build.checkout().dirty()
                && build.checkout().commit() != null;
    }

    /** A class another shard of the same CI run ran was not skipped by selection (see ShardedSelection). */
    private static boolean inOtherShard(String reason) {
        return reason != null && reason.startsWith("runs in shard ");
    }

    /**
     * The first build of {@code ran} (clean builds that ran the class, by start) after {@code skipped} whose commit
     * contains the skipped build's. A build of a descendant commit counts as later even when its recorded start is up to
     * {@link #CLOCK_SKEW} earlier (CI machines with skewed clocks); the same commit needs a later start.
     */
    private static BuildRecord confirming(BuildRecord skipped, List<BuildRecord> ran, CommitAncestry ancestry) {
        Instant from = skipped.startedAt().minus(CLOCK_SKEW);
        int low = 0;
        int high = ran.size();
        while (low < high) { // the first build started at or after `from`
            int mid = (low + high) >>> 1;
            if (ran.get(mid).startedAt().isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        String commit = skipped.checkout().commit();
        for (int i = low; i < ran.size(); i++) {
            BuildRecord later = ran.get(i);
            boolean sameCommit = commit.equals(later.checkout().commit());
            if (sameCommit
                    ? later.startedAt().isAfter(skipped.startedAt())
                    : ancestry.contains(later.checkout().commit(), commit)) {
                return later;
            }
        }
        return null;
    }

    private static Map<String, ClassState> states(ClassHistory history) {
        Map<String, ClassState> states = new HashMap<>();
        for (MethodResult result : history.results()) {
            ClassState state = states.computeIfAbsent(result.buildId(), id -> new ClassState());
            switch (result.outcome()) {
                case FAILED, ERROR -> {
                    state.failed = true;
                    state.ran = true;
                }
                case PASSED -> state.ran = true;
                case SKIPPED_BY_SELECTION -> state.skippedBySelection = true;
                case SKIPPED -> {
                    // ignored by the test itself: says nothing either way
                }
            }
        }
        return states;
    }

    /** One class in one build: did any method run, fail, or get skipped by selection. */
    private static final class ClassState {
        boolean ran;
        boolean failed;
        boolean skippedBySelection;
    }
}
