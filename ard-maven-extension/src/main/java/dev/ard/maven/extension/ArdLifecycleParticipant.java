package dev.ard.maven.extension;

import dev.ard.core.git.GitState;
import dev.ard.core.impact.snapshot.SnapshotStore;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionBasisResolver;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.Shard;
import dev.ard.core.selection.ShardContext;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.maven.support.SessionSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARD's entry point in a build: after the projects are read, resolves the build context once, adds
 * the Surefire reporter and registers the execution listener; at session end, stores the telemetry.
 * Faults are logged and swallowed (see {@link Faults}); only {@code ard.strict=true} fails the build.
 */
@Named("ard")
@Singleton
public class ArdLifecycleParticipant extends AbstractMavenLifecycleParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(ArdLifecycleParticipant.class);

    private final BuildContextFactory contexts;
    private final ReporterInstaller reporters;
    private final TelemetryPublisher publisher;
    private final StoreConfigFactory storeConfigs;
    /** Keyed by the session's request: one entry per running build, even in a long-lived daemon. */
    private final Map<IdentityKey, ActiveBuild> builds = new ConcurrentHashMap<>();

    @Inject
    public ArdLifecycleParticipant(
            BuildContextFactory contexts,
            ReporterInstaller reporters,
            TelemetryPublisher publisher,
            StoreConfigFactory storeConfigs) {
        this.contexts = contexts;
        this.reporters = reporters;
        this.publisher = publisher;
        this.storeConfigs = storeConfigs;
    }

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        MavenExecutionRequest request = session.getRequest();
        IdentityKey key = new IdentityKey(request);
        if (builds.containsKey(key) || ChainedExecutionListener.hasArd(request.getExecutionListener())) {
            LOG.debug("ARD: already registered for this build");
            return;
        }
        ArdProperties properties = ArdProperties.from(SessionSettings.of(session));
        if (properties.verifyDependencies()) {
            // Not a fault to log and pass over: verification asked for and not bound would be a silent skip.
            try {
                if (DependencyVerificationInjector.inject(session.getProjects(), ExtensionVersion.current())) {
                    LOG.debug("ARD: ard:verify-dependencies bound to validate of the first module");
                }
            } catch (RuntimeException e) {
                throw new MavenExecutionException("ARD: cannot bind ard:verify-dependencies: " + e.getMessage(), e);
            }
        }
        if (properties.off()) {
            LOG.debug("ARD: ard.selection=off, ARD is inert for this build");
            return;
        }
        Shard shard;
        try {
            shard = properties.shard(System.getenv());
        } catch (IllegalArgumentException e) {
            // never run all or none silently: the CI matrix is misconfigured, and only its author can tell what it
            // meant
            throw new MavenExecutionException("ARD: " + e.getMessage(), e);
        }
        Faults faults = new Faults(LOG, properties.strict());
        try {
            faults.run("starting", () -> start(session, request, key, properties, shard, faults));
        } catch (Faults.StrictFailure e) {
            throw new MavenExecutionException(e.getMessage(), e.getCause());
        }
    }

    private void start(
            MavenSession session,
            MavenExecutionRequest request,
            IdentityKey key,
            ArdProperties properties,
            Shard shard,
            Faults faults) {
        if (properties.unknownSelection()) {
            LOG.warn(
                    "ARD: unknown ard.selection={} (off, all, safe, auto); running all tests",
                    properties.rawSelection());
        }
        BuildContext context = contexts.create(session, properties, faults);
        BuildRecorder recorder = new BuildRecorder();
        BuildSelection selection = selection(session, context, properties, shard, faults);
        addReporter(session, faults);
        if (properties.sbom()) {
            faults.run("adding cyclonedx-maven-plugin makeBom", () -> addSbom(session, properties));
        }
        BuildQuarantine quarantine = faults.call(
                "reading the test quarantine",
                () -> BuildQuarantine.start(session, context.rootDir(), properties, LOG),
                BuildQuarantine.OFF);
        ArdExecutionListener listener = new ArdExecutionListener(
                recorder, TestRunCollector.standard(), new TestSelectionStep(selection, recorder, quarantine), faults);
        ExecutionListener current = request.getExecutionListener();
        request.setExecutionListener(current == null ? listener : new ChainedExecutionListener(current, listener));
        builds.put(key, new ActiveBuild(properties, faults, context, recorder, selection, quarantine));
        LOG.debug(
                "ARD: recording build {} (mode {}) under {}",
                context.buildId(),
                context.mode().stored(),
                context.rootDir());
    }

    /**
     * Starts resolving the selection basis (mode for the branch, history, change set) on a background thread, beside
     * project loading and compilation; the first test execution waits for it. It never fails: a problem is a run-all
     * reason.
     */
    private BuildSelection selection(
            MavenSession session, BuildContext context, ArdProperties properties, Shard shard, Faults faults) {
        Path root = context.rootDir();
        CompletableFuture<ShardContext> sharding = new CompletableFuture<>();
        CompletableFuture<SelectionBasis> basis = context.gitState()
                .thenApplyAsync(
                        git -> {
                            SelectionMode mode = properties.modeFor(git.branch());
                            StoreConfig store = mode.selects() || shard != null
                                    ? faults.call(
                                            "reading the telemetry store configuration",
                                            () -> storeConfigs.resolve(session, root, properties),
                                            null)
                                    : null;
                            // the shard's snapshot first: the selection reads the store as of it too
                            ShardContext shardContext = shard == null || shard.all()
                                    ? null
                                    : ShardContext.resolve(
                                            root,
                                            shard,
                                            store,
                                            context.ci().runId(),
                                            true,
                                            context.startedAt().minus(properties.shardClockMargin()),
                                            properties.shardPlan(
                                                    faults.call(
                                                            "reading the ARD version", ExtensionVersion::current, "?"),
                                                    shard));
                            sharding.complete(shardContext);
                            if (!mode.selects()) {
                                return SelectionBasis.RunAll.notSelecting(mode);
                            }
                            if (!git.available()) {
                                return new SelectionBasis.RunAll(mode, "not a git repository, no change set");
                            }
                            return SelectionBasisResolver.resolve(
                                    root,
                                    mode,
                                    git.branch(),
                                    properties.baseRef(),
                                    context.ci().baseRef(),
                                    store,
                                    shardContext == null || shardContext.snapshot() == null
                                            ? StoreSnapshot.LIVE
                                            : shardContext.snapshot());
                        },
                        BuildContextFactory.BACKGROUND)
                .exceptionally(
                        e -> SelectionBasis.RunAll.failure(SelectionMode.SAFE, "selection failed: " + Faults.cause(e)))
                .whenComplete((b, e) -> sharding.complete(null)); // a no-op when the shard's context was set
        BuildSelection selection = new BuildSelection(
                properties,
                basis,
                root,
                root.resolve(".ard").resolve("cache").resolve("impact"),
                LOG,
                shard == null ? BuildShard.NONE : new BuildShard(shard, sharding, session.isParallel(), LOG));
        selection.shadow(shadow(session, context, properties));
        selection.snapshotsFrom(() -> faults.call(
                "reading the telemetry store configuration",
                () -> storeConfigs.resolve(session, root, properties),
                null));
        return selection;
    }

    /**
     * Where every test runs ({@code all}, a full branch in {@code auto}), the basis {@code safe} would have had,
     * resolved in the background: the build records its impact facts for training and replay (docs/architecture.md
     * §4). Never fails and never warns: without it the build only records no facts.
     */
    private CompletableFuture<SelectionBasis.Select> shadow(
            MavenSession session, BuildContext context, ArdProperties properties) {
        Path root = context.rootDir();
        return context.gitState()
                .thenApplyAsync(
                        git -> {
                            if (properties.modeFor(git.branch()) != SelectionMode.ALL || !git.available()) {
                                return null;
                            }
                            SelectionBasis safe = SelectionBasisResolver.resolve(
                                    root,
                                    SelectionMode.SAFE,
                                    git.branch(),
                                    properties.baseRef(),
                                    context.ci().baseRef(),
                                    storeConfigs.resolve(session, root, properties));
                            return safe instanceof SelectionBasis.Select select ? select : null;
                        },
                        BuildContextFactory.BACKGROUND)
                .exceptionally(e -> null);
    }

    /** {@code -Dard.sbom=true}: every project runs cyclonedx makeBom (unless it does already), see {@link SbomInjector}. */
    private static void addSbom(MavenSession session, ArdProperties properties) {
        String version = properties.sbomVersion();
        boolean offlineSaid = false;
        for (MavenProject project : session.getProjects()) {
            if (project.getModel().getBuild() == null) {
                project.getModel().setBuild(new Build());
            }
            SbomInjector.Result result =
                    SbomInjector.inject(project.getModel().getBuild(), session.isOffline(), version);
            if (result == SbomInjector.Result.OFFLINE && !offlineSaid) {
                LOG.warn("ARD: ard.sbom=true but Maven is offline: no SBOM (cyclonedx makeBom requires online mode)");
                offlineSaid = true;
            }
        }
    }

    private void addReporter(MavenSession session, Faults faults) {
        String version = faults.call("reading the ARD version", ExtensionVersion::current, null);
        if (version == null) {
            return;
        }
        try {
            reporters.install(session, version);
        } catch (ArtifactResolutionException e) {
            // A reporter jar that cannot be had must never fail the user's build: read TEST-*.xml instead.
            faults.report(
                    "resolving " + ReporterInjection.REPORTER_GROUP_ID + ":" + ReporterInjection.REPORTER_ARTIFACT_ID
                            + ":" + version,
                    e,
                    "reading TEST-*.xml reports instead");
        } catch (RuntimeException | LinkageError e) {
            faults.report("adding the ARD Surefire reporter", e, "reading TEST-*.xml reports instead");
        }
    }

    /**
     * A full branch's build, or a green build, keeps the bytecode of the modules it compiled for later builds whose base
     * is this commit (docs/architecture.md §4): they then see which classes changed in the bytecode, not the sources.
     */
    private void keepSnapshots(MavenSession session, ActiveBuild build) {
        BuildSelection selection = build.selection();
        String producer = BytecodeSnapshots.producer();
        if (selection == null || producer == null) {
            return;
        }
        GitState git = build.context().git();
        boolean failed = session.getResult() != null && session.getResult().hasExceptions();
        String notKept = BytecodeSnapshots.notKept(
                git,
                build.properties().fullBranch(git.branch()),
                failed,
                !build.recorder().moduleRuns().isEmpty());
        if (notKept != null) {
            LOG.debug("ARD: no bytecode snapshots kept: {}", notKept);
            return;
        }
        SnapshotStore local =
                new SnapshotStore(BytecodeSnapshots.dir(build.context().rootDir()));
        List<String> written = BytecodeSnapshots.write(
                session.getProjects(),
                build.recorder().mojos(),
                selection.analyzer(),
                local,
                git.commit(),
                producer,
                LOG);
        if (!written.isEmpty()) {
            try {
                SharedSnapshots.share(
                        storeConfigs.resolve(session, build.context().rootDir(), build.properties()),
                        local,
                        git.commit(),
                        written,
                        LOG);
            } catch (StoreException e) {
                // the telemetry's own warning names an unreachable store already; the snapshots stay on disk
                LOG.debug("ARD: bytecode snapshots not put in the store: {}", e.getMessage());
            }
        }
    }

    @Override
    public void afterSessionEnd(MavenSession session) throws MavenExecutionException {
        ActiveBuild build = builds.remove(new IdentityKey(session.getRequest()));
        if (build == null) {
            return;
        }
        try {
            build.faults().run("reporting quarantined failures", () -> build.quarantine()
                    .report(build.recorder().tests(), LOG));
            build.faults().run("recording telemetry", () -> publisher.publish(session, build));
            build.faults().run("keeping bytecode snapshots", () -> keepSnapshots(session, build));
        } catch (Faults.StrictFailure e) {
            throw new MavenExecutionException(e.getMessage(), e.getCause());
        }
    }
}
