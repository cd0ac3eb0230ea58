package dev.ard.maven.plugin;

import dev.ard.core.selection.history.Histories;
import dev.ard.core.selection.history.History;
import dev.ard.core.selection.history.StoreHistory;
import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.selection.replay.Evaluation;
import dev.ard.core.selection.replay.EvaluationReport;
import dev.ard.core.selection.replay.ReplayConfig;
import dev.ard.core.selection.replay.ReplayEvaluator;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Replays history in time order and compares predictive selection with the baselines all, random at the same
 * budget, LastFail, FailDensity and safe: failing-test recall, failing-build recall, share of test classes and of
 * test time run, APFDc, with counts. Writes a console table, {@code evaluation.json} and {@code evaluation.html}
 * (recall vs. time budget chart) to {@code ard.evaluate.output}. Needs no project.
 *
 * <p>History: {@code -Dard.history=<folder>} (the CSV layout {@code builds.csv}/{@code results.csv}/
 * {@code changes.csv}, or one folder of JUnit {@code TEST-*.xml} per build with an optional {@code changes.txt}),
 * else the telemetry store.
 */
@Mojo(name = "evaluate", requiresProject = false, threadSafe = true, aggregator = true)
public class EvaluateMojo extends AbstractStoreMojo {

    /** A history folder to evaluate instead of the store (default: none: the telemetry store). */
    @Parameter(property = "ard.history")
    private File history;

    /** The share of failing test classes the predictive threshold must catch on held-out history, in (0, 1]. */
    @Parameter(property = "ard.targetRecall", defaultValue = SettingsCatalog.DEFAULT_TARGET_RECALL)
    private double targetRecall;

    /** A cap on predictive selection's test time: {@code 30%} of the candidates' or a duration ({@code 5m}) (default: none). */
    @Parameter(property = "ard.timeBudget")
    private String timeBudget;

    /** Retrain the replayed model after every this many builds. */
    @Parameter(property = "ard.evaluate.retrainEvery", defaultValue = "25")
    private int retrainEvery;

    /** The fewest builds a replayed model is trained on. */
    @Parameter(property = "ard.train.minBuilds", defaultValue = SettingsCatalog.DEFAULT_TRAIN_MIN_BUILDS)
    private int minBuilds;

    /** Seed of the random baseline. */
    @Parameter(property = "ard.evaluate.seed", defaultValue = "42")
    private long seed;

    /** How many of the store's newest builds to replay (store history only). */
    @Parameter(property = "ard.train.builds", defaultValue = SettingsCatalog.DEFAULT_TRAIN_BUILDS)
    private int builds;

    /** Where the JSON and HTML go (default: <code>&lt;root&gt;/target/ard</code>). */
    @Parameter(property = "ard.evaluate.output")
    private File output;

    @Inject
    public EvaluateMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoFailureException {
        ReplayConfig config;
        try {
            config = new ReplayConfig(
                    targetRecall,
                    TimeBudget.parse(timeBudget),
                    retrainEvery,
                    seed,
                    new ModelTrainer.Requirements(minBuilds, 1, 1));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("ARD: " + e.getMessage());
        }
        History h = read();
        if (h.builds().size() < 2) {
            getLog().info("ARD: " + h.builds().size() + " builds of history in " + h.source() + ": nothing to replay");
            return;
        }
        Evaluation e = new ReplayEvaluator(config).evaluate(h);
        EvaluationReport.table(e).forEach(line -> getLog().info(line));
        Path dir = output != null ? output.toPath() : root().resolve("target").resolve("ard");
        try {
            Path json = EvaluationReport.write(e, dir);
            getLog().info("ARD: evaluation written to " + json + " and " + dir.resolve(EvaluationReport.HTML));
        } catch (IOException ex) {
            throw new MojoFailureException("ARD: cannot write the evaluation to " + dir + ": " + ex.getMessage());
        }
    }

    private History read() throws MojoFailureException {
        if (history != null) {
            try {
                return Histories.read(history.toPath().toAbsolutePath());
            } catch (IOException e) {
                throw new MojoFailureException("ARD: cannot read the history: " + e.getMessage());
            }
        }
        if (isMissing(storeConfig())) {
            throw new MojoFailureException("ARD: no telemetry yet at "
                    + storeConfig().redactedUrl() + "; give a history folder with -Dard.history=<folder>");
        }
        try (TelemetryStore store = TelemetryStores.open(storeConfig())) {
            return StoreHistory.read(store, null, builds);
        } catch (StoreException e) {
            throw new MojoFailureException("ARD: cannot read the telemetry store: " + e.getMessage());
        }
    }
}
