package dev.ard.maven.extension;

import dev.ard.core.impact.BytecodeBase;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.selection.BytecodeBases;
import dev.ard.core.selection.ReactorSelection;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionFile;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.ShardedSelection;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.TestSelection;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.selection.quarantine.QuarantineFile;
import dev.ard.core.telemetry.ImpactFact;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.SelectionEntry;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TestResult;
import dev.ard.maven.support.ReactorLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build's test selection: the basis resolved in the background at session start, the impact analyzer, and
 * every execution's decisions (for the store, the summary line and {@code target/ard/selection.json}). Thread-safe.
 * The basis has a deadline ({@code ard.selection.timeout} after the build's start): a store that answers slowly, or
 * a model that takes long to read, costs the build its selection, never its progress.
 */
final class BuildSelection {

    private static final Logger LOG = LoggerFactory.getLogger(BuildSelection.class);

    private final ArdProperties properties;
    private final CompletableFuture<SelectionBasis> basis;
    private final Duration timeout;
    private final long deadlineNanos;
    private final Logger log;
    private SelectionBasis late; // guarded by this: the run-all basis once the deadline passed
    private final Path repoRoot;
    private final ImpactAnalyzer analyzer;
    private final Path snapshots;
    private ReactorSelection reactorSelection; // guarded by this
    private final AtomicBoolean userChoseTests = new AtomicBoolean();
    private final Queue<Executed> executions = new ConcurrentLinkedQueue<>();
    private final BuildShard shard;
    private final Queue<Candidates> candidates = new ConcurrentLinkedQueue<>();
    private volatile CompletableFuture<SelectionBasis.Select> shadow = CompletableFuture.completedFuture(null);
    private ReactorSelection shadowSelection; // guarded by this
    private volatile Supplier<StoreConfig> sharedStore = () -> null;

    /** How long the end of a build waits for the background basis its impact facts come from. */
    private static final Duration SHADOW_WAIT = Duration.ofSeconds(5);

    BuildSelection(ArdProperties properties, CompletableFuture<SelectionBasis> basis, Path repoRoot, Path cacheDir) {
        this(properties, basis, repoRoot, cacheDir, LOG, BuildShard.NONE);
    }

    BuildSelection(
            ArdProperties properties,
            CompletableFuture<SelectionBasis> basis,
            Path repoRoot,
            Path cacheDir,
            Logger log) {
        this(properties, basis, repoRoot, cacheDir, log, BuildShard.NONE);
    }

    BuildSelection(
            ArdProperties properties,
            CompletableFuture<SelectionBasis> basis,
            Path repoRoot,
            Path cacheDir,
            Logger log,
            BuildShard shard) {
        this.shard = shard;
        this.properties = properties;
        this.basis = basis;
        this.timeout = properties.selectionTimeout();
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.log = log;
        this.repoRoot = repoRoot;
        this.analyzer = new ImpactAnalyzer(cacheDir);
        // the snapshots live beside the graph cache (.ard/cache/bytecode next to .ard/cache/impact)
        this.snapshots = cacheDir == null ? null : cacheDir.resolveSibling("bytecode");
    }

    /** The store a base's bytecode snapshots are fetched from when they are not on disk (see {@link SharedSnapshots}). */
    void snapshotsFrom(Supplier<StoreConfig> store) {
        this.sharedStore = store;
    }

    /** The analyzer (its graph cache) the build's selection uses; the bytecode snapshots are read with it too. */
    ImpactAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * How the build's selection saw the changed classes ({@code bytecode vs 1a2b3c4d5e}, {@code source files (…)}), or
     * {@code null} when it analysed no change.
     */
    synchronized String changesSeen() {
        return reactorSelection == null ? null : reactorSelection.changesSeen();
    }

    /** One execution's selection. */
    record Executed(TestGoal goal, String executionId, TestSelection selection) {}

    ArdProperties properties() {
        return properties;
    }

    BuildShard shard() {
        return shard;
    }

    /** This build's narrowing to its shard, or {@code null} when every selected test runs here (see {@link BuildShard}). */
    ShardedSelection sharded() {
        SelectionBasis b = basis();
        return shard.sharded(b, deadlineNanos - System.nanoTime());
    }

    /**
     * Waits for the background resolution until the deadline; it never fails (a problem is a run-all reason). Past the
     * deadline the build runs every test, with one warning, and keeps that basis even if the resolution ends later.
     */
    SelectionBasis basis() {
        synchronized (this) {
            if (late != null) {
                return late;
            }
        }
        try {
            return basis.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut();
        } catch (ExecutionException e) {
            // the future is built never to fail; should it, the build still runs every test
            return SelectionBasis.RunAll.failure(SelectionMode.SAFE, "selection failed: " + e.getCause());
        }
    }

    private synchronized SelectionBasis timedOut() {
        if (late == null) {
            String reason = "the selection was not ready within ard.selection.timeout=" + timeout.toMillis() + "ms";
            log.warn("ARD: {}; running all tests", reason);
            late = SelectionBasis.RunAll.failure(SelectionMode.SAFE, reason);
        }
        return late;
    }

    /**
     * {@code ,<path>} of the quarantine file relative to the repository, or empty: an edit of it changes which failures
     * fail the build, not what any test exercises, so it is an ignored change rather than one that runs everything.
     */
    private String quarantineFile(MavenSession session) {
        String setting = properties.quarantine();
        if (repoRoot == null || (setting != null && setting.strip().equalsIgnoreCase(QuarantineFile.NONE))) {
            return "";
        }
        try {
            Path file = dev.ard.maven.support.BuildRoot.of(session)
                    .resolve(setting == null || setting.isBlank() ? QuarantineFile.DEFAULT_PATH : setting.strip())
                    .toAbsolutePath()
                    .normalize();
            Path repo = repoRoot.toAbsolutePath().normalize();
            return file.startsWith(repo)
                    ? "," + repo.relativize(file).toString().replace('\\', '/')
                    : "";
        } catch (RuntimeException e) { // an invalid path: QuarantineFile warns about it
            return "";
        }
    }

    /**
     * The build's selection over the whole reactor, made at the first selecting execution (the basis is resolved by
     * then); only for a {@link SelectionBasis.Select} basis.
     */
    synchronized ReactorSelection reactorSelection(MavenSession session) {
        if (reactorSelection == null) {
            reactorSelection =
                    newReactorSelection(session, basis(), warning -> LOG.warn("ARD: {}; running its tests", warning));
        }
        return reactorSelection;
    }

    private ReactorSelection newReactorSelection(
            MavenSession session, SelectionBasis on, java.util.function.Consumer<String> warnings) {
        List<MavenProject> reactor =
                session.getAllProjects() != null ? session.getAllProjects() : session.getProjects();
        List<ModuleInfo> modules = ReactorLayout.of(
                reactor, reactor.stream().map(ReactorLayout::moduleId).collect(Collectors.toSet()));
        ReactorSelection.Rules rules = new ReactorSelection.Rules(
                properties.mustRun(),
                ChangeFilter.of(properties.ignoredChanges() + quarantineFile(session)),
                TimeBudget.parse(properties.timeBudget()),
                true);
        String producer = BytecodeSnapshots.producer();
        BytecodeBase bytecode = snapshots == null
                ? null
                : producer == null
                        ? BytecodeBase.unavailable("the ARD version is unknown")
                        : BytecodeBases.of(on, snapshots, producer, SharedSnapshots.remote(sharedStore));
        return new ReactorSelection(on, modules, repoRoot, analyzer, rules, warnings, bytecode);
    }

    /**
     * The basis a selecting mode would have had, resolved in the background where every test runs (a full branch):
     * only its impact facts are recorded.
     */
    void shadow(CompletableFuture<SelectionBasis.Select> shadow) {
        this.shadow = shadow;
    }

    /**
     * One execution's candidates (every Surefire/Failsafe execution ARD saw, also where every test ran). Where every
     * test runs and the shadow basis is ready, the facts of the execution's module are analysed at once, on a
     * background thread beside the tests, so that the build's end only collects them.
     */
    void candidates(MavenSession session, String module, TestClassFilter filter) {
        CompletableFuture<List<ImpactFact>> early = null;
        SelectionBasis.Select select = shadow.getNow(null);
        if (select != null) {
            ReactorSelection on = shadowSelection(session, select);
            early = CompletableFuture.supplyAsync(
                    () -> on.facts(module, filter::accepts), BuildContextFactory.BACKGROUND);
        }
        candidates.add(new Candidates(module, filter, early));
    }

    /** @param early the facts being analysed in the background, or {@code null} */
    private record Candidates(String module, TestClassFilter filter, CompletableFuture<List<ImpactFact>> early) {}

    private synchronized ReactorSelection shadowSelection(MavenSession session, SelectionBasis.Select select) {
        if (shadowSelection == null) {
            shadowSelection = newReactorSelection(session, select, warning -> {}); // facts only: every test ran
        }
        return shadowSelection;
    }

    /**
     * What the impact analysis says of every candidate test class of the build's executions, collected once the
     * build has run: from the build's own selection, or, where every test ran, from the selection a selecting mode
     * would have made. Empty when there is neither; never fails (a fault costs the facts only).
     */
    List<ImpactFact> impactFacts(MavenSession session) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + SHADOW_WAIT.toNanos();
        try {
            ReactorSelection on;
            if (basisReady() && basis() instanceof SelectionBasis.Select) {
                on = reactorSelection(session);
            } else {
                SelectionBasis.Select select = shadow.get(SHADOW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (select == null) {
                    return List.of();
                }
                on = shadowSelection(session, select);
            }
            java.util.Map<String, ImpactFact> facts = new java.util.LinkedHashMap<>();
            for (Candidates c : candidates) {
                List<ImpactFact> some = c.early() != null
                        ? c.early().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : on.facts(c.module(), c.filter()::accepts);
                some.forEach(f -> facts.putIfAbsent(f.module() + "|" + f.className(), f));
            }
            return List.copyOf(facts.values());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception | LinkageError e) {
            LOG.debug("ARD: no impact facts recorded: {}", e.toString());
            return List.of();
        }
    }

    void userChoseTests() {
        userChoseTests.set(true);
    }

    /** The user named the tests ({@code -Dtest}) and no execution was selected by ARD. */
    boolean userChoseTestsOnly() {
        return userChoseTests.get() && executions.isEmpty();
    }

    /** The background resolution finished, or its deadline passed (a build without tests may end before). */
    synchronized boolean basisReady() {
        return basis.isDone() || late != null;
    }

    /** The mode stored with the build: {@code user} when the user named tests, else the mode in effect. */
    RecordedMode effectiveMode() {
        if (userChoseTests.get()) {
            return RecordedMode.USER;
        }
        return BuildContext.recorded(basisReady() ? basis().mode() : SelectionMode.ALL);
    }

    List<Executed> executions() {
        return List.copyOf(executions);
    }

    /** The executions of one module so far, in the order they ran. */
    List<Executed> executions(String module) {
        return executions.stream()
                .filter(e -> e.selection().module().equals(module))
                .toList();
    }

    boolean hasRecorded(String module) {
        return executions.stream().anyMatch(e -> e.selection().module().equals(module));
    }

    /** Keeps the decisions and records the skipped classes as {@code SKIPPED_BY_SELECTION} results. */
    void record(TestGoal goal, String executionId, TestSelection selection, BuildRecorder recorder) {
        executions.add(new Executed(goal, executionId, selection));
        List<SelectionEntry> records = new ArrayList<>();
        List<TestResult> skipped = new ArrayList<>();
        for (TestDecision decision : selection.decisions()) {
            records.add(new SelectionEntry(
                    selection.module(),
                    goal.pluginName(),
                    executionId,
                    decision.className(),
                    decision.selected(),
                    decision.reason()));
            if (!decision.selected()) {
                // One row per class, method name empty: the class's methods are unknown when it does not run.
                skipped.add(new TestResult(
                        selection.module(),
                        goal.pluginName(),
                        executionId,
                        decision.className(),
                        "",
                        0,
                        Outcome.SKIPPED_BY_SELECTION,
                        0,
                        false,
                        null,
                        null));
            }
        }
        recorder.selection(records, skipped);
    }

    /** {@code target/ard/selection.json} of one module: what its executions ran and skipped (read by ard:provenance). */
    SelectionFile selectionFile(String module) {
        return new SelectionFile(
                basis().mode().id(),
                executions(module).stream()
                        .map(e -> new SelectionFile.Execution(
                                e.goal().pluginName(),
                                e.executionId(),
                                e.selection().selected(),
                                e.selection().skipped()))
                        .toList());
    }
}
