package dev.ard.maven.plugin;

import dev.ard.core.selection.model.ModelTrainer;
import dev.ard.core.selection.model.PredictiveModels;
import dev.ard.core.selection.predictive.Calibration;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Trains the predictive-selection model on the telemetry store's history (time-ordered: the older builds fit the
 * trees, the newest 30 % calibrate the threshold for {@code ard.targetRecall}) and stores it as the next version in
 * the store's {@code model} table. With too little history nothing is stored and the reason is printed; builds then
 * keep selecting safely. Needs no project.
 */
@Mojo(name = "train", requiresProject = false, threadSafe = true, aggregator = true)
public class TrainMojo extends AbstractStoreMojo {

    /** The share of failing test classes the threshold must catch on held-out history, in (0, 1]. */
    @Parameter(property = "ard.targetRecall", defaultValue = SettingsCatalog.DEFAULT_TARGET_RECALL)
    private double targetRecall;

    /** Train on this branch's builds only (default: none: every branch). */
    @Parameter(property = "ard.train.branch")
    private String branch;

    /** How many of the newest builds to learn from. */
    @Parameter(property = "ard.train.builds", defaultValue = SettingsCatalog.DEFAULT_TRAIN_BUILDS)
    private int builds;

    /** The fewest builds a model is trained on. */
    @Parameter(property = "ard.train.minBuilds", defaultValue = SettingsCatalog.DEFAULT_TRAIN_MIN_BUILDS)
    private int minBuilds;

    @Inject
    public TrainMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoFailureException {
        if (targetRecall <= 0 || targetRecall > 1) {
            throw new MojoFailureException("ARD: ard.targetRecall must be in (0, 1]: " + targetRecall);
        }
        if (isMissing(storeConfig())) {
            getLog().info("ARD: no telemetry yet at " + storeConfig().redactedUrl() + "; nothing to train on");
            return;
        }
        try (TelemetryStore store = TelemetryStores.open(storeConfig())) {
            long start = System.nanoTime();
            PredictiveModels.Training t = PredictiveModels.train(
                    store, branch, builds, targetRecall, new ModelTrainer.Requirements(minBuilds, 1, 1));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!t.outcome().ready()) {
                getLog().info("ARD: no model trained from " + t.builds() + " builds (" + t.rows()
                        + " test-class runs): " + t.outcome().notReadyReason() + "; selection stays safe");
                return;
            }
            Calibration c = t.outcome().model().calibration();
            getLog().info(String.format(
                    Locale.ROOT,
                    "ARD: model v%d trained on %d builds (%d rows, %d failing) in %d ms; threshold %s reaches"
                            + " recall %.3f on %d held-out failures, running %.1f%% of held-out test classes",
                    t.version(),
                    t.builds(),
                    t.outcome().model().trainingRows(),
                    t.outcome().model().failingRows(),
                    ms,
                    Double.isInfinite(c.threshold())
                            ? "must-run only"
                            : String.format(Locale.ROOT, "%.4f", c.threshold()),
                    c.heldOutRecall(),
                    c.heldOutFailures(),
                    100 * c.heldOutSelected()));
        } catch (StoreException e) {
            throw new MojoFailureException("ARD: cannot train from the telemetry store: " + e.getMessage());
        }
    }
}
