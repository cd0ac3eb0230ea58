package dev.ard.maven.plugin;

import dev.ard.core.git.CommitGraph;
import dev.ard.core.report.ReportData;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Shows what ARD has recorded: the last builds, the slowest test classes, the most failing and the
 * flaky tests. Needs no project: {@code mvn ard:stats} works in any directory whose telemetry store
 * (by default <code>&lt;root&gt;/.ard/telemetry.db</code>) ARD has written.
 *
 * <p>{@code -Dard.format=json} prints one JSON document on standard output instead of the text
 * report; run Maven with {@code -q} to get nothing else there, or set <code>-Dard.stats.output=&lt;file&gt;</code>
 * to write the report to a file.
 */
@Mojo(name = "stats", requiresProject = false, threadSafe = true, aggregator = true)
public class StatsMojo extends AbstractStoreMojo {

    /** How many of the most recent builds to list. */
    @Parameter(property = "ard.stats.builds", defaultValue = "10")
    private int builds;

    /** How many rows each test table (slowest, failing, flaky) shows. */
    @Parameter(property = "ard.stats.limit", defaultValue = "10")
    private int limit;

    /** How many of the most recent builds the test tables cover. */
    @Parameter(property = "ard.stats.window", defaultValue = "50")
    private int window;

    /** Output format: {@code text} (a report in the build log) or {@code json} (one JSON document on standard output). */
    @Parameter(property = "ard.format", defaultValue = "text")
    private String format;

    /** Writes the report to this file instead of the log or standard output (default: none). */
    @Parameter(property = "ard.stats.output")
    private File output;

    @Inject
    public StatsMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean json = "json".equalsIgnoreCase(format);
        if (!json && !"text".equalsIgnoreCase(format)) {
            throw new MojoFailureException("ARD: unknown ard.format '" + format + "' (use text or json)");
        }
        StoreConfig config = storeConfig();
        StatsReport report;
        if (isMissing(config)) {
            getLog().info("ARD: no telemetry yet at " + config.redactedUrl().substring("jdbc:sqlite:".length()));
            report = empty(config);
        } else {
            report = read(config);
            if (report.builds().isEmpty()) {
                getLog().info("ARD: no telemetry yet at " + config.redactedUrl());
            }
        }
        if (report.builds().isEmpty() && !json) {
            return;
        }
        publish(report, json);
    }

    private StatsReport read(StoreConfig config) throws MojoFailureException {
        try (TelemetryStore telemetry = TelemetryStores.open(config)) {
            return new StatsReport(
                    config.redactedUrl(),
                    window,
                    telemetry.recentBuilds(builds),
                    telemetry.slowestClasses(limit, window),
                    telemetry.mostFailing(limit, window),
                    telemetry.flakiest(limit, window),
                    insight(telemetry));
        } catch (StoreException e) {
            // The store's message names the store and the cause already.
            throw new MojoFailureException("ARD: cannot read the telemetry store: " + oneLine(e));
        }
    }

    /** Recall, misses and regressions over the window; the report's analyses, with the repository's commit graph. */
    private ReportData.Analyses insight(TelemetryStore telemetry) throws StoreException {
        List<String> fullBranches = SessionSettings.of(session).get(SettingsCatalog.FULL_BRANCHES);
        InsightFacts facts = telemetry.insightFacts(InsightWindow.of(Instant.EPOCH, window, fullBranches));
        try (CommitGraph graph = CommitGraph.at(root())) {
            return ReportData.Analyses.read(telemetry, facts, graph::contains);
        }
    }

    private void publish(StatsReport report, boolean json) throws MojoExecutionException {
        if (output != null) {
            String text = json
                    ? report.renderJson()
                    : String.join(System.lineSeparator(), report.renderText(ZoneId.systemDefault()));
            try {
                Path file = output.toPath().toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
                getLog().info("ARD: stats written to " + file);
            } catch (IOException e) {
                throw new MojoExecutionException("ARD: cannot write " + output + ": " + e.getMessage(), e);
            }
        } else if (json) {
            // The document goes to standard output, not the log, so `mvn -q ard:stats -Dard.format=json` is pure JSON.
            System.out.println(report.renderJson());
            System.out.flush();
        } else {
            report.renderText(ZoneId.systemDefault()).forEach(getLog()::info);
        }
    }

    private StatsReport empty(StoreConfig config) {
        return new StatsReport(config.redactedUrl(), window, List.of(), List.of(), List.of(), List.of(), null);
    }
}
