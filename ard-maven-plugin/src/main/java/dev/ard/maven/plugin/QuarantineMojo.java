package dev.ard.maven.plugin;

import dev.ard.core.report.Flakiness;
import dev.ard.core.report.QuarantineProposal;
import dev.ard.core.report.QuarantineProposal.Proposal;
import dev.ard.core.report.ReportInputs.QuarantineView;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.InsightWindow;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Proposes quarantine entries from the store: every test class whose flakiness rate (runs that passed on a rerun,
 * plus commits on which it both passed and failed, over its runs) reached {@code ard.quarantine.threshold} over at
 * least {@code ard.quarantine.minRuns} runs, and that no entry quarantines today. Prints the lines in the file's format
 * for a person to review and add to {@code .mvn/ard-quarantine.txt}; writes nothing.
 */
@Mojo(name = "quarantine", requiresProject = false, threadSafe = true, aggregator = true)
public class QuarantineMojo extends AbstractStoreMojo {

    /** Propose a class whose flakiness rate is at least this. */
    @Parameter(property = "ard.quarantine.threshold", defaultValue = "0.05")
    private double threshold;

    /** ...over at least this many runs. */
    @Parameter(property = "ard.quarantine.minRuns", defaultValue = "20")
    private int minRuns;

    /** How many of the newest builds to look at. */
    @Parameter(property = "ard.quarantine.window", defaultValue = "500")
    private int window;

    /** A proposed entry expires this many days from today. */
    @Parameter(property = "ard.quarantine.days", defaultValue = "30")
    private int days;

    /** The owner written into proposed entries. */
    @Parameter(property = "ard.quarantine.owner", defaultValue = "unassigned")
    private String owner;

    @Inject
    public QuarantineMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!(threshold > 0 && threshold <= 1) || minRuns < 1 || window < 1 || days < 1) {
            throw new MojoFailureException(
                    "ARD: ard.quarantine.threshold must be in (0, 1], and minRuns, window and" + " days at least 1");
        }
        if (owner == null || owner.isBlank() || owner.contains("|") || owner.contains("\n")) {
            throw new MojoFailureException("ARD: ard.quarantine.owner must be one line of text without '|'");
        }
        StoreConfig config = storeConfig();
        if (isMissing(config)) {
            getLog().info("ARD: no telemetry yet at " + config.redactedUrl() + ": nothing to propose");
            return;
        }
        InsightFacts facts;
        try (TelemetryStore store = TelemetryStores.open(config)) {
            facts = store.insightFacts(InsightWindow.of(Instant.EPOCH, window, List.of()));
        } catch (StoreException e) {
            throw new MojoFailureException("ARD: cannot read the telemetry store: " + oneLine(e));
        }
        QuarantineView current = QuarantineViews.of(session, root());
        List<Proposal> proposals = new QuarantineProposal(threshold, minRuns, days, owner.strip())
                .propose(Flakiness.of(facts), current.entries(), current.today());
        String criteria = String.format(
                Locale.ROOT,
                "flaky in at least %.1f %% of at least %d runs, in the last %d builds",
                100 * threshold,
                minRuns,
                facts.builds().size());
        if (proposals.isEmpty()) {
            getLog().info("ARD: no test class to quarantine (" + criteria + ")");
            return;
        }
        getLog().info("ARD: " + proposals.size() + " test " + (proposals.size() == 1 ? "class" : "classes")
                + " to quarantine (" + criteria + "); review, then add to .mvn/ard-quarantine.txt:");
        for (Proposal p : proposals) {
            getLog().info(p.line());
        }
    }
}
