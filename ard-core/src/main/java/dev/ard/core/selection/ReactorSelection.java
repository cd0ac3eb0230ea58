package dev.ard.core.selection;

import dev.ard.core.impact.BytecodeBase;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ImpactReport;
import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.impact.Reason;
import dev.ard.core.selection.predictive.PredictiveSelector;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.telemetry.ImpactFact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The whole test-selection decision of one build (or one what-if question), over facts its callers gather: the basis,
 * the reactor's modules, the rules. For each module and candidate filter it answers with a {@link TestSelection}:
 * impact analysis, then the safe policy, then predictive narrowing when the basis is predictive. The Maven extension
 * applies the answer to each Surefire/Failsafe execution; {@code ard:select} prints it, so both answer alike.
 *
 * <p>Each module's impact analysis runs once, lazily, over the module and its upstream modules only (downstream
 * modules may not be compiled yet when a build reaches it). Thread-safe: a parallel build asks from several threads.
 */
public final class ReactorSelection {

    /**
     * The settings the decision depends on besides the basis.
     *
     * @param mustRun         {@code ard.mustRun}
     * @param ignoredChanges  {@code ard.ignoredChanges}
     * @param timeBudget      {@code ard.timeBudget} (predictive mode)
     * @param historyRequired {@code false} for a what-if question: without history, the impact analysis and
     *                        {@code ard.mustRun} alone decide (a build runs everything)
     */
    public record Rules(
            MustRunRules mustRun, ChangeFilter ignoredChanges, TimeBudget timeBudget, boolean historyRequired) {
        public Rules {
            mustRun = mustRun == null ? MustRunRules.NONE : mustRun;
            ignoredChanges = ignoredChanges == null ? ChangeFilter.none() : ignoredChanges;
            timeBudget = timeBudget == null ? TimeBudget.NONE : timeBudget;
        }
    }

    private final SelectionBasis basis;
    private final List<ModuleInfo> modules;
    private final Map<String, ModuleInfo> byId = new HashMap<>();
    private final Path repoRoot;
    private final ImpactAnalyzer analyzer;
    private final Rules rules;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<ModuleImpact>> impacts = new ConcurrentHashMap<>();
    private final SafeSelector safe;
    private final PredictiveSelector predictive;
    private final BytecodeBase bytecodeBase;
    private final Set<String> changesSeen = ConcurrentHashMap.newKeySet();

    /**
     * @param basis    the build's basis
     * @param modules  every reactor module, in reactor order, with its class directories and direct upstream modules
     * @param repoRoot the directory changed paths are relative to when the basis has no work tree (run-all)
     * @param analyzer the impact analyzer (its graph cache)
     * @param rules    must-run, ignored changes, time budget
     * @param warnings receives each analysis warning once (a module's analysis sees its upstream modules' problems again)
     */
    public ReactorSelection(
            SelectionBasis basis,
            List<ModuleInfo> modules,
            Path repoRoot,
            ImpactAnalyzer analyzer,
            Rules rules,
            Consumer<String> warnings) {
        this(basis, modules, repoRoot, analyzer, rules, warnings, null);
    }

    /**
     * As above, comparing each module's classes with the base build's bytecode snapshots when {@code bytecodeBase} has
     * them (see {@link BytecodeBases}).
     *
     * @param bytecodeBase the base build's snapshots, or why there are none; {@code null}: changes in source files
     */
    public ReactorSelection(
            SelectionBasis basis,
            List<ModuleInfo> modules,
            Path repoRoot,
            ImpactAnalyzer analyzer,
            Rules rules,
            Consumer<String> warnings,
            BytecodeBase bytecodeBase) {
        this.bytecodeBase = bytecodeBase;
        this.basis = basis;
        this.modules = List.copyOf(modules);
        this.modules.forEach(m -> byId.put(m.id(), m));
        this.repoRoot = basis instanceof SelectionBasis.Select s ? s.workTree() : repoRoot;
        this.analyzer = analyzer;
        this.rules = rules;
        this.warnings = warnings == null ? w -> {} : warnings;
        this.safe = new SafeSelector(
                basis instanceof SelectionBasis.Select s ? s.history() : null,
                rules.mustRun(),
                rules.historyRequired());
        this.predictive = basis instanceof SelectionBasis.Select s && s.mode() == SelectionMode.PREDICTIVE
                ? s.predictive().selector(rules.timeBudget())
                : null;
    }

    public SelectionBasis basis() {
        return basis;
    }

    /**
     * The decisions for one execution of {@code module}: its test classes that {@code candidate} accepts (the
     * execution's includes and excludes), each selected or skipped with a reason.
     */
    public TestSelection select(String module, Predicate<String> candidate) {
        ModuleImpact impact = impact(module);
        TestSelection selection = safeSelection(module, impact, candidate);
        // Predictive narrows the safe selection by P(fail); must-run classes and module-wide run-alls stay.
        return predictive == null || !(basis instanceof SelectionBasis.Select select)
                ? selection
                : predictive.select(selection, impact, select.changes().paths());
    }

    /** The safe policy's decisions for the module's test classes that {@code candidate} accepts. */
    private TestSelection safeSelection(String module, ModuleImpact impact, Predicate<String> candidate) {
        List<String> candidates = impact == null
                ? List.of()
                : impact.testClasses().stream().filter(candidate).toList();
        String moduleWide = basis instanceof SelectionBasis.Select select
                ? select.moduleRunAllReason(module)
                : ((SelectionBasis.RunAll) basis).reason();
        return safe.select(module, candidates, impact, moduleWide);
    }

    /**
     * What the impact analysis says of each test class {@code candidate} accepts in {@code module}: in the safe set or
     * not (the safe policy's decision, before any predictive narrowing), and how near a change is. Empty when the
     * module has no analysis.
     */
    public List<ImpactFact> facts(String module, Predicate<String> candidate) {
        ModuleImpact impact = impact(module);
        if (impact == null) {
            return List.of();
        }
        List<ImpactFact> facts = new ArrayList<>();
        for (TestDecision d : safeSelection(module, impact, candidate).decisions()) {
            Reason reached = impact.affected().get(d.className());
            facts.add(new ImpactFact(
                    module,
                    d.className(),
                    d.selected(),
                    reached == null ? -1 : reached.hops(),
                    reached == null ? 0 : reached.changedClassesReaching()));
        }
        return facts;
    }

    /**
     * How the analyses so far found the changed classes, one line ({@code bytecode vs 1a2b3c4d5e}, {@code source
     * files (no bytecode snapshot of …)}), several joined with {@code ; } when modules differed; {@code null} before
     * any analysis of a change.
     */
    public String changesSeen() {
        return changesSeen.isEmpty() ? null : String.join("; ", new java.util.TreeSet<>(changesSeen));
    }

    /** The module's impact analysis, or {@code null} when the module is not in the reactor. */
    private ModuleImpact impact(String module) {
        return impacts.computeIfAbsent(module, m -> Optional.ofNullable(analyze(m)))
                .orElse(null);
    }

    private ModuleImpact analyze(String module) {
        if (!byId.containsKey(module)) {
            return null;
        }
        // Run-all still analyses (without changes): the analysis lists each module's test classes.
        List<String> changed =
                basis instanceof SelectionBasis.Select s ? s.changes().analysisEntries() : List.of();
        ImpactReport report;
        synchronized (analyzer) {
            report = analyzer.analyze(
                    repoRoot, withUpstreamClasses(module), changed, rules.ignoredChanges(), bytecodeBase);
        }
        if (!changed.isEmpty()) {
            changesSeen.add(report.changes());
        }
        for (String warning : report.warnings()) {
            if (warned.add(warning)) {
                warnings.accept(warning);
            }
        }
        return report.modules().get(module);
    }

    /** Every module, with class directories only for {@code module} and its upstream modules, transitively. */
    private List<ModuleInfo> withUpstreamClasses(String module) {
        Set<String> upstream = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of(module));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            ModuleInfo info = byId.get(next);
            if (info != null && upstream.add(next)) {
                queue.addAll(info.dependsOn());
            }
        }
        return modules.stream()
                .map(m -> upstream.contains(m.id())
                        ? m
                        : new ModuleInfo(
                                m.id(),
                                m.baseDir(),
                                m.mainSourceRoots(),
                                m.testSourceRoots(),
                                m.mainResourceRoots(),
                                m.testResourceRoots(),
                                null,
                                null,
                                m.dependsOn()))
                .toList();
    }
}
