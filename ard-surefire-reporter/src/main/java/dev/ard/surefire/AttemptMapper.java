package dev.ard.surefire;

import java.lang.reflect.Method;
import java.util.StringTokenizer;
import org.apache.maven.plugin.surefire.report.ReportEntryType;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.StackTraceWriter;

/**
 * Turns one {@link WrappedReportEntry} (one test attempt) into a JSON line whose values are exactly
 * the ones Surefire's default {@code StatelessXmlReporter} (as configured by
 * {@code SurefireStatelessReporter}: no phrased names) puts in {@code TEST-*.xml}:
 * <ul>
 *   <li>{@code class}: the testcase {@code classname} attribute, see {@link ClassNameRule};</li>
 *   <li>{@code method}: the {@code name} attribute, {@code getName()}, {@code ""} when null;</li>
 *   <li>{@code durationMs}: {@code getElapsed()}, which the XML writes as {@code time} in seconds;
 *       0 when null (the XML then has no {@code time});</li>
 *   <li>{@code failureType}/{@code trace}: for FAILURE and ERROR only, the {@code type} attribute and
 *       the text of the {@code failure}/{@code error} (or rerun/flaky) element.</li>
 * </ul>
 * Class and method names and traces with characters XML 1.0 forbids get Surefire's own replacement
 * text, so a value read back from the XML equals the one we write.
 */
final class AttemptMapper {
    private final ClassNameRule classNameRule;
    private final Method qualifiedNameMethod;
    private final String reportNameSuffix;
    private final boolean trimStackTrace;

    AttemptMapper(ClassNameRule classNameRule, String reportNameSuffix, boolean trimStackTrace) {
        this.classNameRule = classNameRule;
        this.qualifiedNameMethod = classNameRule == ClassNameRule.QUALIFIED_NAME
                ? ClassNameRule.qualifiedNameMethod(WrappedReportEntry.class)
                : null;
        this.reportNameSuffix = reportNameSuffix;
        this.trimStackTrace = trimStackTrace;
    }

    /** A mapper for the Surefire version that loaded {@link WrappedReportEntry}. */
    static AttemptMapper forRunningSurefire(String reportNameSuffix, boolean trimStackTrace) {
        return new AttemptMapper(ClassNameRule.detect(WrappedReportEntry.class), reportNameSuffix, trimStackTrace);
    }

    /** The JSON line (without line break) for one attempt, or {@code null} for an unknown entry type. */
    String toJson(WrappedReportEntry entry) {
        String kind = kind(entry.getReportEntryType());
        if (kind == null) {
            return null;
        }
        String className = classNameRule.className(entry, reportNameSuffix, qualifiedNameMethod);
        String methodName = entry.getName() == null ? "" : entry.getName();
        Integer elapsed = entry.getElapsed();
        boolean problem = entry.getReportEntryType() == ReportEntryType.FAILURE
                || entry.getReportEntryType() == ReportEntryType.ERROR;
        String trace = problem ? entry.getStackTrace(trimStackTrace) : null;
        return JsonLine.attempt(
                className == null ? null : escapeIllegalXmlChars(className, "&#"),
                escapeIllegalXmlChars(methodName, "&#"),
                elapsed == null ? 0L : elapsed.longValue(),
                kind,
                problem ? failureType(entry.getStackTraceWriter(), trace) : null,
                trace == null ? null : escapeIllegalXmlChars(trace, "&amp#"));
    }

    private static String kind(ReportEntryType type) {
        if (type == null) {
            return null;
        }
        switch (type) {
            case SUCCESS:
            case FAILURE:
            case ERROR:
            case SKIPPED:
                return type.name();
            default:
                return null;
        }
    }

    /**
     * The XML {@code type} attribute: with an exception message, the trace up to the first colon
     * (the whole trace without one); without a message, the trace's first whitespace-separated token;
     * nothing without a throwable or trace.
     */
    static String failureType(StackTraceWriter writer, String trace) {
        SafeThrowable throwable = writer == null ? null : writer.getThrowable();
        if (throwable == null || trace == null) {
            return null;
        }
        if (throwable.getMessage() != null) {
            int colon = trace.indexOf(':');
            return colon == -1 ? trace : trace.substring(0, colon);
        }
        StringTokenizer tokens = new StringTokenizer(trace);
        return tokens.hasMoreTokens() ? tokens.nextToken() : null;
    }

    /**
     * Surefire replaces each character XML 1.0 forbids (below U+0020 except tab, LF, CR) with
     * {@code &#N;} in attributes and {@code &amp#N;} in element text; parsing the XML gives back those
     * replacement strings, so we write them too.
     */
    static String escapeIllegalXmlChars(String text, String prefix) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean illegal = c < 0x20 && c != '\n' && c != '\r' && c != '\t';
            if (illegal && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (illegal) {
                out.append(prefix).append((int) c).append(';');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
