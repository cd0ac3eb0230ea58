package dev.ard.maven.extension;

import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one line ARD prints at the end of a build. */
final class SummaryLine {

    private SummaryLine() {}

    /**
     * {@code ARD: recorded 57 tests (53 passed, 1 failed, 1 error, 2 skipped, 1 flaky) in 3 modules → .ard/telemetry.db}.
     * Categories that are zero are left out, except {@code passed}. A failure or error of a quarantined test counts
     * as {@code quarantined failed}, not as {@code failed}/{@code error}: it did not fail the build. Test classes skipped by selection are not tests that
     * ran: the selection half of the line ({@link #withSelection}) counts them.
     *
     * @param note the writer's remark (e.g. spool files set aside), or {@code null}
     */
    public static String recorded(
            List<TestResult> tests, List<ModuleRun> runs, String destination, int flushedFromSpool, String note) {
        StringBuilder line = new StringBuilder("ARD: recorded ");
        tests = tests.stream()
                .filter(t -> t.outcome() != Outcome.SKIPPED_BY_SELECTION)
                .toList();
        if (tests.isEmpty()) {
            line.append("build, no tests ran");
        } else {
            line.append(plural(tests.size(), "test", "tests"))
                    .append(" (")
                    .append(String.join(", ", counts(tests)))
                    .append(')');
        }
        long modules = runs.stream().map(ModuleRun::module).distinct().count();
        if (modules > 0) {
            line.append(" in ").append(plural(modules, "module", "modules"));
        }
        line.append(" \u2192 ").append(destination);
        if (flushedFromSpool > 0) {
            line.append(" (+")
                    .append(plural(flushedFromSpool, "pending build", "pending builds"))
                    .append(" flushed)");
        }
        if (note != null && !note.isBlank()) {
            line.append("; ").append(note.strip());
        }
        return line.toString();
    }

    /**
     * The selection part in front of the telemetry part:
     * {@code ARD: ran 12/340 test classes in 4 modules (safe), skipped 328 — est. 2m10s saved; recorded …}.
     *
     * @param selection {@link SelectionSummary#line}, or {@code null} when nothing was selected
     * @param recorded  {@link #recorded}
     */
    public static String withSelection(String selection, String recorded) {
        if (selection == null) {
            return recorded;
        }
        return "ARD: " + selection + "; " + recorded.substring("ARD: ".length());
    }

    /**
     * The warning when the store could not be written. The writer's reason already says where a spooled
     * build was kept ({@code …; build kept in …/.ard/pending/<id>.json until the store works again}).
     */
    public static String notStored(String reason) {
        return "ARD: telemetry not stored: " + (reason == null || reason.isBlank() ? "unknown cause" : reason.strip());
    }

    /** Where the telemetry went, safe for logs: a root-relative SQLite path, else the redacted JDBC URL. */
    public static String destination(StoreConfig config, Path rootDir) {
        if (config.isSqlite()) {
            String file = config.jdbcUrl().substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            file = query >= 0 ? file.substring(0, query) : file;
            try {
                Path path = Path.of(file).toAbsolutePath().normalize();
                Path root = rootDir.toAbsolutePath().normalize();
                if (path.startsWith(root)) {
                    return root.relativize(path).toString().replace('\\', '/');
                }
                return path.toString();
            } catch (RuntimeException notAPath) {
                return config.redactedUrl();
            }
        }
        return config.redactedUrl();
    }

    private static List<String> counts(List<TestResult> tests) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        int skipped = 0;
        int flaky = 0;
        int quarantined = 0;
        for (TestResult test : tests) {
            if (test.quarantinedFailure()) {
                quarantined++; // counted apart: it did not fail the build
                continue;
            }
            switch (test.outcome()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
                case SKIPPED_BY_SELECTION -> {} // filtered out above
            }
            if (test.flaky()) {
                flaky++;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(passed + " passed");
        addIfAny(parts, failed, "failed", "failed");
        addIfAny(parts, errors, "error", "errors");
        addIfAny(parts, skipped, "skipped", "skipped");
        addIfAny(parts, flaky, "flaky", "flaky");
        addIfAny(parts, quarantined, "quarantined failed", "quarantined failed");
        return parts;
    }

    private static void addIfAny(List<String> parts, int count, String one, String many) {
        if (count > 0) {
            parts.add(plural(count, one, many));
        }
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
