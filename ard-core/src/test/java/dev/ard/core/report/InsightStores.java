package dev.ard.core.report;

import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.selection.quarantine.QuarantineEntry;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.ReportHistory;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A real SQLite store holding {@link ReportHistory}, and the facts the report reads from it. */
final class InsightStores {
    private InsightStores() {}

    static StoreConfig written(Path dir) throws Exception {
        StoreConfig config = StoreConfig.sqlite(dir);
        try (TelemetryStore store = TelemetryStores.open(config)) {
            ReportHistory.write(store);
        }
        return config;
    }

    static InsightFacts facts(StoreConfig config) throws Exception {
        try (TelemetryStore store = TelemetryStores.open(config)) {
            return store.insightFacts(InsightWindow.of(ReportHistory.T0, 5_000, List.of(ReportHistory.MAIN)));
        }
    }

    /** The report page of the history, made as {@code ard:report} makes it (with a quarantine and an attestation). */
    static String report(StoreConfig config) throws Exception {
        try (TelemetryStore store = TelemetryStores.open(config)) {
            InsightFacts facts =
                    store.insightFacts(InsightWindow.of(ReportHistory.T0, 5_000, List.of(ReportHistory.MAIN)));
            ReportInputs inputs = new ReportInputs(
                    config.redactedUrl(),
                    ReportHistory.start(ReportHistory.BUILDS),
                    ReportHistory.T0,
                    List.of(ReportHistory.MAIN),
                    facts,
                    store.slowestClasses(10, 5_000),
                    new ReportInputs.QuarantineView(
                            new Quarantine(
                                    ".mvn/ard-quarantine.txt",
                                    List.of(
                                            new QuarantineEntry(
                                                    ReportHistory.RERUN_FLAKY,
                                                    "@alice",
                                                    LocalDate.parse("2027-01-31"),
                                                    "network",
                                                    3),
                                            new QuarantineEntry(
                                                    "com.acme.web.*Test",
                                                    "<b>@bob</b>",
                                                    LocalDate.parse("2026-01-01"),
                                                    "old & \"gone\"",
                                                    4))),
                            LocalDate.parse("2026-11-02"),
                            List.of(".mvn/ard-quarantine.txt:5: expected 4 fields separated by '|', found 2")),
                    List.of(new ReportInputs.AttestationView(
                            "app-1.0.jar.sigstore.json",
                            "Sigstore bundle",
                            List.of("app-1.0.jar sha256:" + "ab".repeat(32)),
                            "key SHA256:Zm9v",
                            "verified",
                            true)));
            return HtmlReport.render(inputs, ReportData.Analyses.read(store, facts, ReportHistory::contains));
        }
    }
}
