package dev.ard.surefire;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.maven.plugin.surefire.extensions.DefaultStatelessReportMojoConfiguration;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.plugin.surefire.report.TestSetStats;
import org.apache.maven.plugin.surefire.report.WrappedReportEntry;
import org.apache.maven.surefire.extensions.StatelessReportEventListener;

/**
 * Surefire's default XML reporter plus ARD's per-attempt results file. Configured on
 * maven-surefire-plugin or maven-failsafe-plugin (this jar added as a plugin dependency) as
 * <pre>{@code
 * <statelessTestsetReporter implementation="dev.ard.surefire.ArdStatelessTestsetReporter">
 *   <resultsFile>/abs/path/module/target/ard/surefire-default-test.jsonl</resultsFile>
 * </statelessTestsetReporter>
 * }</pre>
 * The {@code TEST-*.xml} files are written by Surefire's own listener exactly as without ARD. Every
 * attempt of every completed test set is also appended to {@code resultsFile} as one JSON line (see
 * {@link AttemptMapper} for the values). Without a {@code resultsFile} this reporter is Surefire's
 * default one. The results file is only ever appended to: whoever configures it deletes the old one
 * (and its {@code .failed} marker) before the tests run.
 */
public class ArdStatelessTestsetReporter extends SurefireStatelessReporter {
    /** Set by Surefire's (Plexus) configurator from {@code <resultsFile>}. */
    private File resultsFile;

    /** Used by the configurator. */
    public ArdStatelessTestsetReporter() {
        super();
    }

    public File getResultsFile() {
        return resultsFile;
    }

    public void setResultsFile(File resultsFile) {
        this.resultsFile = resultsFile;
    }

    // DefaultStatelessReportMojoConfiguration is deprecated, yet it is the type Surefire calls us with.
    @SuppressWarnings("deprecation")
    @Override
    public StatelessReportEventListener<WrappedReportEntry, TestSetStats> createListener(
            DefaultStatelessReportMojoConfiguration configuration) {
        StatelessReportEventListener<WrappedReportEntry, TestSetStats> xmlListener =
                super.createListener(configuration);
        Path results = resultsPath();
        if (results == null) {
            return xmlListener;
        }
        ResultsFile file = new ResultsFile(results);
        try {
            AttemptMapper mapper = AttemptMapper.forRunningSurefire(
                    configuration.getReportNameSuffix(), configuration.isTrimStackTrace());
            return new RecordingListener(xmlListener, file, mapper);
        } catch (RuntimeException | LinkageError e) {
            // A Surefire we cannot read: keep the tests and their XML reports, say why in the marker.
            file.markFailed(e);
            return xmlListener;
        }
    }

    /**
     * Surefire calls this to run the reporter in another class loader (tests run in Maven's JVM,
     * {@code forkCount=0}). The parent reloads this class there and copies its own settings; we add
     * {@code resultsFile}. That class loader holds the test class path, where this jar (a plugin
     * dependency) is usually absent: then Surefire's default reporter is returned instead, so the
     * tests still run and write their XML, and the marker tells ARD why no results file appears.
     */
    @Override
    public Object clone(ClassLoader target) {
        try {
            target.loadClass(getClass().getName());
        } catch (ClassNotFoundException | LinkageError e) {
            return defaultReporterIn(target);
        }
        Object clone = super.clone(target);
        try {
            clone.getClass().getMethod("setResultsFile", File.class).invoke(clone, resultsFile);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot copy resultsFile to " + clone.getClass().getName(), e);
        }
        return clone;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName()
                + "{resultsFile=" + resultsFile
                + ", version=" + getVersion()
                + ", disable=" + isDisable()
                + "}";
    }

    /** {@code null} when there is no usable results file: then we are the default reporter. */
    private Path resultsPath() {
        if (resultsFile == null || resultsFile.getPath().isBlank()) {
            return null;
        }
        try {
            return resultsFile.toPath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Object defaultReporterIn(ClassLoader target) {
        Path results = resultsPath();
        if (results != null) {
            new ResultsFile(results)
                    .markFailed(
                            new ClassNotFoundException(
                                    getClass().getName()
                                            + " is not visible to the in-process test class loader (forkCount=0); results only in TEST-*.xml"));
        }
        try {
            Class<?> cls = target.loadClass(SurefireStatelessReporter.class.getName());
            Object reporter = cls.getConstructor().newInstance();
            cls.getMethod("setDisable", boolean.class).invoke(reporter, isDisable());
            cls.getMethod("setVersion", String.class).invoke(reporter, getVersion());
            return reporter;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause().getLocalizedMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getLocalizedMessage(), e);
        }
    }
}
