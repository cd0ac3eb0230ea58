package dev.ard.maven.plugin;

import dev.ard.core.git.CommitGraph;
import dev.ard.core.report.HtmlReport;
import dev.ard.core.report.ReportData;
import dev.ard.core.report.ReportInputs;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.maven.support.SessionSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes the ARD report: one self-contained HTML file (inline CSS, SVG and script; no network) with the overview of
 * the builds, selection's savings and misses, flaky tests and the quarantine, duration regressions, the build profile,
 * the model and the attestations in {@code target/ard}. Opens from {@code file://} and publishes as a CI artifact.
 * Needs no project: {@code mvn ard:report} works in any directory whose telemetry store ARD has written.
 */
@Mojo(name = "report", requiresProject = false, threadSafe = true, aggregator = true)
public class ReportMojo extends AbstractStoreMojo {

    /** The slowest classes are ranked by their mean over this many of the newest builds (one aggregate, bounded). */
    static final int SLOWEST_BUILDS = 200;

    /** How many days back the report looks. */
    @Parameter(property = "ard.report.days", defaultValue = "90")
    private int days;

    /** At most this many of the newest builds in that window. */
    @Parameter(property = "ard.report.builds", defaultValue = "2000")
    private int maxBuilds;

    /** The report file (default: <code>&lt;root&gt;/target/ard/report/index.html</code>). */
    @Parameter(property = "ard.report.output")
    private File output;

    @Inject
    public ReportMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (days < 1 || maxBuilds < 1) {
            throw new MojoFailureException("ARD: ard.report.days and ard.report.builds must be at least 1");
        }
        StoreConfig config = storeConfig();
        Instant now = Instant.now();
        Instant since = now.minus(Duration.ofDays(days));
        List<String> fullBranches = SessionSettings.of(session).get(SettingsCatalog.FULL_BRANCHES);
        InsightFacts facts = InsightFacts.EMPTY;
        List<TelemetryStore.ClassStats> slowest = List.of();
        ReportData.Analyses analyses;
        boolean repository;
        try (CommitGraph graph = CommitGraph.at(root())) {
            repository = graph.hasRepository();
            if (isMissing(config)) {
                analyses = ReportData.Analyses.of(facts, graph::contains);
            } else {
                try (TelemetryStore store = TelemetryStores.open(config)) {
                    facts = store.insightFacts(InsightWindow.of(since, maxBuilds, fullBranches));
                    slowest = store.slowestClasses(20, Math.min(maxBuilds, SLOWEST_BUILDS));
                    analyses = ReportData.Analyses.read(store, facts, graph::contains);
                } catch (StoreException e) {
                    throw new MojoFailureException("ARD: cannot read the telemetry store: " + oneLine(e));
                }
            }
        }
        ReportInputs inputs = new ReportInputs(
                config.redactedUrl(),
                now,
                since,
                fullBranches,
                facts,
                slowest,
                QuarantineViews.of(session, root()),
                AttestationScan.of(root()));
        Path file =
                (output != null ? output.toPath() : root().resolve("target/ard/report/index.html")).toAbsolutePath();
        String html = HtmlReport.render(inputs, analyses);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("ARD: cannot write the report " + file + ": " + e.getMessage(), e);
        }
        getLog().info(String.format(
                java.util.Locale.ROOT,
                "ARD: report of %d builds since %s written to %s (%d misses, %d flaky tests, %d duration regressions%s)",
                inputs.facts().builds().size(),
                since.toString().substring(0, 10),
                file,
                analyses.misses().misses().size(),
                analyses.flaky().size(),
                analyses.regressions().size(),
                repository ? "" : "; no git repository: only builds of the same commit confirm a skip"));
    }
}
