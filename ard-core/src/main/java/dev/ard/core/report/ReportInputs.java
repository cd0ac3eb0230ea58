package dev.ard.core.report;

import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.TelemetryStore.ClassStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one {@code ard:report} page shows, before it becomes the page's JSON.
 *
 * @param store        where the data came from (a redacted JDBC URL)
 * @param generated    when the report was made
 * @param since        the window's oldest build start
 * @param fullBranches the branches whose green builds give the duration baselines
 * @param facts        what the store gave
 * @param slowest      the slowest test classes of the window
 * @param quarantine   the quarantine file's state, or {@code null} when there is none
 * @param attestations the attestations found, or an empty list
 */
public record ReportInputs(
        String store,
        Instant generated,
        Instant since,
        List<String> fullBranches,
        InsightFacts facts,
        List<ClassStats> slowest,
        QuarantineView quarantine,
        List<AttestationView> attestations) {

    public ReportInputs {
        fullBranches = List.copyOf(fullBranches);
        slowest = List.copyOf(slowest);
        attestations = List.copyOf(attestations);
    }

    /**
     * The quarantine file as the report shows it.
     *
     * @param entries  its well-formed entries, expired ones included
     * @param today    the day (UTC) that decides which entries expired
     * @param problems one line per bad line of the file
     */
    public record QuarantineView(Quarantine entries, LocalDate today, List<String> problems) {
        public QuarantineView {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One attestation file of the last release build.
     *
     * @param verified true: verified; false: verification failed; null: not checked
     */
    public record AttestationView(
            String name, String kind, List<String> subjects, String signer, String verification, Boolean verified) {
        public AttestationView {
            subjects = List.copyOf(subjects);
        }
    }
}
