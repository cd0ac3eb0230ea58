package dev.ard.maven.extension;

import dev.ard.core.git.CommitGraph;
import dev.ard.core.report.BuildInsight;
import dev.ard.core.report.JobSummary;
import dev.ard.core.selection.model.PredictiveModels;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreConfigResolver;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import dev.ard.core.telemetry.TelemetryWriter;
import dev.ard.core.telemetry.WriteOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At session end: writes the build's telemetry and prints the one summary line (or one warning). */
@Named
@Singleton
public class TelemetryPublisher {

    private final StoreConfigFactory storeConfigs;
    private final Logger log;

    @Inject
    public TelemetryPublisher(StoreConfigFactory storeConfigs) {
        this(storeConfigs, LoggerFactory.getLogger(TelemetryPublisher.class));
    }

    /** With the logger that gets the summary line (tests read it). */
    TelemetryPublisher(StoreConfigFactory storeConfigs, Logger log) {
        this.storeConfigs = storeConfigs;
        this.log = log;
    }

    /** Only direct plugin goals ({@code prefix:goal}) were invoked, and none of them ran tests. */
    static boolean onlyToolGoals(BuildTelemetry telemetry) {
        return telemetry.moduleRuns().isEmpty()
                && !telemetry.build().goals().isEmpty()
                && telemetry.build().goals().stream().allMatch(goal -> goal.contains(":"));
    }

    /**
     * Automatic retraining after a full-branch build of {@code auto} mode (those keep the history complete): every
     * {@code ard.train.every} builds (default 50, {@code 0} = never), see {@code PredictiveModels.retrainIfDue}.
     * Returns a note for the summary line when a model was stored.
     */
    private static String retrain(ActiveBuild build, BuildTelemetry telemetry, StoreConfig config, Faults faults) {
        ArdProperties properties = build.properties();
        if (!properties.auto()
                || telemetry.build().mode() != RecordedMode.ALL
                || telemetry.moduleRuns().isEmpty()) {
            return null;
        }
        int every = properties.retrainEvery();
        return faults.call(
                "retraining the selection model",
                () -> {
                    try (TelemetryStore store = TelemetryStores.open(config)) {
                        return PredictiveModels.retrainIfDue(
                                        store, telemetry.build().id(), every, ArdProperties.DEFAULT_TARGET_RECALL)
                                .filter(t -> t.version() > 0)
                                .map(t -> "selection model v" + t.version() + " retrained on " + t.builds() + " builds")
                                .orElse(null);
                    }
                },
                null);
    }

    /**
     * On CI only (a job summary is read there), what the store now tells about this build: the selection misses it
     * confirmed and the duration regressions it started (docs/architecture.md §10). Local builds skip the reads.
     */
    private static BuildInsight insight(
            ActiveBuild build, BuildTelemetry telemetry, StoreConfig config, Faults faults) {
        if (telemetry.build().ci().provider() == null || telemetry.moduleRuns().isEmpty()) {
            return BuildInsight.NONE;
        }
        return faults.call(
                "reading misses and regressions for the job summary",
                () -> {
                    try (CommitGraph graph = CommitGraph.at(build.context().rootDir());
                            TelemetryStore store = TelemetryStores.open(config)) {
                        return BuildInsight.of(
                                store,
                                telemetry.build().id(),
                                build.properties().fullBranches(),
                                graph::contains);
                    }
                },
                BuildInsight.NONE);
    }

    void publish(MavenSession session, ActiveBuild build) {
        Faults faults = build.faults();
        boolean failed = session.getResult() != null && session.getResult().hasExceptions();
        BuildSelection selection = build.selection();
        RecordedMode mode =
                selection != null ? selection.effectiveMode() : build.context().mode();
        BuildTelemetry recorded = build.recorder()
                .toTelemetry(
                        build.context(),
                        Instant.now(),
                        BuildResult.of(failed),
                        mode,
                        selection == null ? null : selection.shard().recorded(),
                        selection == null
                                ? List.of()
                                : faults.call(
                                        "recording the impact facts", () -> selection.impactFacts(session), List.of()));
        boolean testsRan = !recorded.moduleRuns().isEmpty();
        SelectionSummary.Summary summary = selection == null
                ? SelectionSummary.Summary.NONE
                : faults.call("summarising the selection", () -> SelectionSummary.of(selection, testsRan), null);
        // 0 when nothing was skipped, so only builds written before v5 (NULL) make the report estimate from skipped
        // rows; NULL here too when the summary failed
        BuildTelemetry telemetry = recorded.withSavedMs(summary == null ? null : summary.savedMs());
        String selected = summary == null ? null : summary.line();
        if (onlyToolGoals(telemetry)) {
            // `mvn ard:stats`, `mvn dependency:tree`…: no lifecycle, no tests; such rows would only crowd the history.
            log.debug("ARD: nothing to record (plugin goals only, no tests ran)");
            return;
        }
        Path root = build.context().rootDir();
        StoreConfig config = faults.call(
                "reading the telemetry store configuration",
                () -> storeConfigs.resolve(session, root, build.properties()),
                null);
        WriteOutcome outcome = config == null
                ? null
                : faults.call(
                        "writing telemetry",
                        () -> TelemetryWriter.write(config, telemetry, StoreConfigResolver.defaultSpoolDir(root)),
                        null);
        BuildInsight insight = outcome != null && outcome.status() == WriteOutcome.Status.WRITTEN
                ? insight(build, telemetry, config, faults)
                : BuildInsight.NONE;
        faults.run(
                "writing the job summary",
                () -> JobSummaryWriter.write(
                        root,
                        JobSummary.markdown(
                                String.join(" ", telemetry.build().goals()),
                                failed,
                                selected,
                                telemetry.tests(),
                                insight),
                        JobSummary.annotations(telemetry.tests(), insight),
                        System.getenv(),
                        System.out));
        if (outcome == null) {
            return;
        }
        switch (outcome.status()) {
            case WRITTEN -> {
                String retrained = retrain(build, telemetry, config, faults);
                String note = retrained == null
                        ? outcome.reason()
                        : outcome.reason() == null ? retrained : outcome.reason() + "; " + retrained;
                log.info(SummaryLine.withSelection(
                        selected,
                        SummaryLine.recorded(
                                telemetry.tests(),
                                telemetry.moduleRuns(),
                                SummaryLine.destination(config, root),
                                outcome.flushedFromSpool(),
                                note)));
            }
            case SPOOLED, FAILED -> {
                if (selected != null) {
                    log.info("ARD: {}", selected);
                }
                faults.problem(SummaryLine.notStored(outcome.reason()));
            }
        }
    }
}
