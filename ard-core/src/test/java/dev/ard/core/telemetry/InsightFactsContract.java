package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.InsightFacts.ClassHistory;
import dev.ard.core.telemetry.InsightFacts.DurationSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the report's reads give on every store kind (the SQL is one text for SQLite and PostgreSQL): mixed into
 * {@link TelemetryStoreContractTest}.
 */
interface InsightFactsContract {

    StoreConfig freshStore() throws Exception;

    private static InsightFacts facts(StoreConfig config) throws StoreException {
        try (TelemetryStore store = TelemetryStores.open(config)) {
            ReportHistory.write(store);
            return store.insightFacts(InsightWindow.of(ReportHistory.T0, 5_000, List.of(ReportHistory.MAIN)));
        }
    }

    @Test
    default void insightFactsWatchOnlyClassesThatFailedOrWereFlaky() throws Exception {
        InsightFacts facts = facts(freshStore());

        assertThat(facts.builds()).hasSize(ReportHistory.BUILDS + 1);
        assertThat(facts.watched())
                .extracting(ClassHistory::className)
                .containsExactlyInAnyOrder(
                        ReportHistory.MISSED,
                        ReportHistory.CAUGHT,
                        ReportHistory.RERUN_FLAKY,
                        ReportHistory.FLIP,
                        ReportHistory.HOSTILE);
        ClassHistory missed = facts.watched().stream()
                .filter(h -> h.className().equals(ReportHistory.MISSED))
                .findFirst()
                .orElseThrow();
        // every build ran or skipped both methods of it
        assertThat(missed.results()).hasSize(2 * (ReportHistory.BUILDS + 1));
        // reasons come with the facts only for skips in sharded builds (none here); the others are read by key
        assertThat(facts.skipReasons()).isEmpty();
    }

    @Test
    default void skipReasonsAreReadByBuildModuleAndClass() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            ReportHistory.write(store);
            String missed = InsightFacts.key(ReportHistory.id(21), "com.acme:web", ReportHistory.MISSED);
            String hostile = InsightFacts.key(ReportHistory.id(21), "com.acme:web", ReportHistory.HOSTILE);
            String ran = InsightFacts.key(ReportHistory.id(22), "com.acme:web", ReportHistory.MISSED);

            assertThat(store.skipReasons(List.of(missed, hostile, ran, "not a key")))
                    .containsOnly(
                            Map.entry(missed, "no changed class reaches it"),
                            Map.entry(hostile, ReportHistory.HOSTILE_REASON)); // text round-trips unchanged
        }
    }

    @Test
    default void insightFactsEstimateSavedTimeAndKeepDurationsAndDecisions() throws Exception {
        InsightFacts facts = facts(freshStore());

        // feature builds skip three classes of two methods; main builds skip nothing
        assertThat(facts.savedMs()).containsKey(ReportHistory.id(21)).doesNotContainKey(ReportHistory.id(22));
        assertThat(facts.savedMs().get(ReportHistory.id(21))).isGreaterThan(2_000);
        Map<String, DurationSeries> series =
                facts.fullBranchRuns().stream().collect(Collectors.toMap(DurationSeries::className, s -> s));
        // 28 main builds, of which 22 and 44 failed: 26 green (the retry of 44 is green too: 27), newest 30 kept
        assertThat(series.get(ReportHistory.SLOW).points()).hasSize(27);
        assertThat(series.get(ReportHistory.SLOW).points().get(26).durationMs()).isGreaterThan(4_000);
        assertThat(facts.decisions()).hasSize(10);
        assertThat(facts.decisions().get(ReportHistory.id(55))).hasSize(12);
        assertThat(facts.mojos()).isNotEmpty().allSatisfy(m -> assertThat(m.startedAt())
                .isNotNull());
        assertThat(facts.model())
                .hasValueSatisfying(m -> assertThat(m.metrics()).contains("heldOutRecall"));
    }

    @Test
    default void aRecordedSavedTimeEstimateIsTakenAsItIs() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            ReportHistory.write(store);
            Instant later = ReportHistory.start(ReportHistory.BUILDS + 2);
            store.write(Fixtures.buildWith(
                            "recorded",
                            later,
                            Fixtures.result(
                                    "com.acme:web",
                                    "com.acme.web.CartTest",
                                    "",
                                    0,
                                    Outcome.SKIPPED_BY_SELECTION,
                                    false,
                                    null))
                    .withSavedMs(1234L));
            store.write(
                    Fixtures.buildWith("nothing-skipped", later.plusSeconds(60)).withSavedMs(0L));

            InsightFacts facts =
                    store.insightFacts(InsightWindow.of(ReportHistory.T0, 5_000, List.of(ReportHistory.MAIN)));

            // the estimate the build recorded, not the mean of CartTest's runs
            assertThat(facts.savedMs()).containsEntry("recorded", 1234L).doesNotContainKey("nothing-skipped");
            // builds written without one (the history) are estimated from their skipped rows
            assertThat(facts.savedMs().get(ReportHistory.id(21))).isGreaterThan(2_000);
        }
    }

    @Test
    default void insightFactsKeepToTheWindow() throws Exception {
        StoreConfig config = freshStore();
        try (TelemetryStore store = TelemetryStores.open(config)) {
            ReportHistory.write(store);
            InsightFacts recent = store.insightFacts(InsightWindow.of(
                    ReportHistory.start(50).minus(Duration.ofMinutes(1)), 5_000, List.of(ReportHistory.MAIN)));
            assertThat(recent.builds()).hasSize(6);
            // of the last six builds, only build 50 had flaky runs, and nothing failed
            assertThat(recent.watched())
                    .extracting(ClassHistory::className)
                    .containsExactlyInAnyOrder(ReportHistory.HOSTILE, ReportHistory.RERUN_FLAKY);

            InsightFacts empty = store.insightFacts(
                    InsightWindow.of(ReportHistory.start(BUILDS_AFTER), 5_000, List.of(ReportHistory.MAIN)));
            assertThat(empty.builds()).isEmpty();
            assertThat(empty.watched()).isEmpty();
            assertThat(empty.fullBranchRuns()).isEmpty();
        }
    }

    int BUILDS_AFTER = ReportHistory.BUILDS + 1;
}
