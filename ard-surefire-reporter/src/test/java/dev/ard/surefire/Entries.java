package dev.ard.surefire;

import static java.util.Collections.emptyMap;

import org.apache.maven.plugin.surefire.booterclient.output.DeserializedStacktraceWriter;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.StackTraceWriter;

/**
 * Builds the report entries Surefire hands a stateless reporter in Maven's JVM: the fork's events are
 * deserialized into {@link SimpleReportEntry} with a {@link DeserializedStacktraceWriter}.
 */
final class Entries {
    private Entries() {}

    static WrappedReportEntry success(String cls, String method, Integer elapsedMs) {
        return entry(RunMode.NORMAL_RUN, cls, null, method, ReportEntryType.SUCCESS, elapsedMs, null);
    }

    static WrappedReportEntry skipped(String cls, String method) {
        return entry(RunMode.NORMAL_RUN, cls, null, method, ReportEntryType.SKIPPED, null, null);
    }

    static WrappedReportEntry entry(
            RunMode mode,
            String cls,
            String clsText,
            String method,
            ReportEntryType type,
            Integer elapsedMs,
            StackTraceWriter trace) {
        String message = trace == null ? null : trace.getThrowable().getMessage();
        SimpleReportEntry original =
                new SimpleReportEntry(mode, 1L, cls, clsText, method, null, trace, elapsedMs, message, emptyMap());
        return new WrappedReportEntry(original, type, elapsedMs, null, null);
    }

    /** A trace as the fork sends it: exception message (may be null) and the (trimmed) trace text. */
    static StackTraceWriter trace(String message, String stackTrace) {
        return new DeserializedStacktraceWriter(message, stackTrace, stackTrace);
    }

    /** The entry for a whole test set (class), as {@code testSetCompleted} receives it. */
    static WrappedReportEntry testSet(String cls, int elapsedMs) {
        SimpleReportEntry original = new SimpleReportEntry(RunMode.NORMAL_RUN, 0L, cls, null, null, null);
        return new WrappedReportEntry(original, ReportEntryType.SUCCESS, elapsedMs, null, null);
    }
}
