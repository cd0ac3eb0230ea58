package dev.ard.surefire;

import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;

/**
 * Wraps Surefire's default XML listener: the XML is written first, exactly as without ARD, then every
 * attempt of the completed test set is appended to the results file. Nothing here may disturb the
 * test run: a failure to write stops this listener's appends and leaves the failure marker.
 *
 * <p>Surefire resets {@link TestSetStats} after each completed test set, and reruns of failing tests
 * arrive as further test sets of the same class, so each call holds only attempts not seen before, in
 * the order they ran.
 */
final class RecordingListener implements StatelessReportEventListener<WrappedReportEntry, TestSetStats> {
    private final StatelessReportEventListener<WrappedReportEntry, TestSetStats> xmlListener;
    private final ResultsFile resultsFile;
    private final AttemptMapper mapper;
    private volatile boolean failed;

    RecordingListener(
            StatelessReportEventListener<WrappedReportEntry, TestSetStats> xmlListener,
            ResultsFile resultsFile,
            AttemptMapper mapper) {
        this.xmlListener = xmlListener;
        this.resultsFile = resultsFile;
        this.mapper = mapper;
    }

    @Override
    public void testSetCompleted(WrappedReportEntry testSetReportEntry, TestSetStats testSetStats) {
        try {
            if (xmlListener != null) {
                xmlListener.testSetCompleted(testSetReportEntry, testSetStats);
            }
        } finally {
            record(testSetStats);
        }
    }

    /** The listener Surefire would have used without ARD. */
    StatelessReportEventListener<WrappedReportEntry, TestSetStats> xmlListener() {
        return xmlListener;
    }

    private void record(TestSetStats testSetStats) {
        if (failed || testSetStats == null) {
            return;
        }
        try {
            StringBuilder lines = new StringBuilder();
            for (WrappedReportEntry entry : testSetStats.getReportEntries()) {
                String line = mapper.toJson(entry);
                if (line != null) {
                    lines.append(line).append('\n');
                }
            }
            resultsFile.append(lines.toString());
        } catch (Exception | LinkageError e) {
            // LinkageError: a Surefire version whose API differs from the one we know.
            failed = true;
            resultsFile.markFailed(e);
        }
    }
}
