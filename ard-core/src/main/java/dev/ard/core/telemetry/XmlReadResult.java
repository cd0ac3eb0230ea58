package dev.ard.core.telemetry;

import java.util.List;

/**
 * What {@link JUnitXmlReports#read} got out of a reports directory.
 *
 * @param attempts attempts of every readable report, file by file in name order
 * @param problems one line per report that could not be read, {@code "<file name>: <cause>"}; the
 *                 caller logs them in one WARN line and keeps the good files' attempts
 */
public record XmlReadResult(List<TestAttempt> attempts, List<String> problems) {

    public XmlReadResult {
        attempts = List.copyOf(attempts);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
