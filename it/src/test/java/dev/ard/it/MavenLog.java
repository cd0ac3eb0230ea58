package dev.ard.it;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Maven run printed.
 *
 * @param exitCode the process exit code
 * @param lines    every line of the log
 * @param file     the log file (named in assertion messages)
 */
record MavenLog(int exitCode, List<String> lines, Path file) {

    /** Surefire/Failsafe's per-execution summary under "Results:" (the per-class lines carry "Time elapsed"). */
    private static final Pattern SUMMARY = Pattern.compile(
            "^\\[\\w+] Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)(, Flakes: (\\d+))?$");

    MavenLog {
        lines = List.copyOf(lines);
    }

    List<String> startingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** ARD's one-line build summary. */
    List<String> ardInfo() {
        return startingWith("[INFO] ARD:");
    }

    /** ARD's summary line: the last line ARD logged at INFO. */
    String summary() {
        List<String> info = ardInfo();
        if (info.isEmpty()) {
            throw new AssertionError("no ARD line in " + this);
        }
        return info.get(info.size() - 1);
    }

    /** ARD's fault reports (Maven prints WARN as {@code [WARNING]}). */
    List<String> ardWarnings() {
        return startingWith("[WARNING] ARD:");
    }

    /** The sum of every Surefire/Failsafe execution's summary line. */
    TestTotals testTotals() {
        int run = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        int flakes = 0;
        int executions = 0;
        for (String line : lines) {
            Matcher m = SUMMARY.matcher(line);
            if (m.matches()) {
                executions++;
                run += Integer.parseInt(m.group(1));
                failures += Integer.parseInt(m.group(2));
                errors += Integer.parseInt(m.group(3));
                skipped += Integer.parseInt(m.group(4));
                flakes += m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            }
        }
        return new TestTotals(executions, run, failures, errors, skipped, flakes);
    }

    @Override
    public String toString() {
        return "Maven log " + file + " (exit " + exitCode + ")";
    }

    /** Totals over all test executions of a build, as Surefire and Failsafe printed them. */
    record TestTotals(int executions, int run, int failures, int errors, int skipped, int flakes) {}
}
