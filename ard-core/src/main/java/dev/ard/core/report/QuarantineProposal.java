package dev.ard.core.report;

import dev.ard.core.report.Flakiness.FlakyTest;
import dev.ard.core.selection.quarantine.Quarantine;
import dev.ard.core.selection.quarantine.QuarantineFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ard:quarantine} proposes: quarantine-file lines for the test classes whose flakiness rate reached the
 * threshold over enough runs (the class's flakiest method decides; the unit of quarantine is the class), leaving out
 * classes an entry already quarantines today and names no pattern can hold. A person reviews the lines and adds them
 * to the file; nothing is written for them.
 *
 * @param threshold the least flakiness rate proposed
 * @param minRuns   the least number of runs the rate must rest on
 * @param days      a proposed entry expires this many days after {@code today}
 * @param owner     the owner written into the entries
 */
public record QuarantineProposal(double threshold, int minRuns, int days, String owner) {

    /** One proposed entry: the class, the line for the file, and the method whose numbers decided it. */
    public record Proposal(String className, String line, FlakyTest evidence) {}

    public List<Proposal> propose(List<FlakyTest> flaky, Quarantine current, LocalDate today) {
        Map<String, FlakyTest> worst = new LinkedHashMap<>();
        for (FlakyTest test : flaky) { // highest rate first
            if (test.runs() >= minRuns && test.rate() >= threshold) {
                worst.putIfAbsent(test.className(), test);
            }
        }
        List<Proposal> proposals = new ArrayList<>();
        String expires = today.plusDays(days).toString();
        worst.forEach((className, test) -> {
            boolean quarantined =
                    current.matches(className).filter(e -> e.appliesOn(today)).isPresent();
            if (quarantined || QuarantineFile.patternProblem(className) != null) {
                return;
            }
            String reason = String.format(
                    Locale.ROOT,
                    "flaky in %.1f %% of %d runs (%s: %d passed on a rerun, %d commits with both outcomes);"
                            + " proposed by ard:quarantine on %s",
                    100 * test.rate(),
                    test.runs(),
                    test.method(),
                    test.rerunFlaky(),
                    test.flipCommits(),
                    today);
            proposals.add(new Proposal(
                    className, className + " | " + owner + " | " + expires + " | " + reason.replace('|', '/'), test));
        });
        return proposals;
    }
}
