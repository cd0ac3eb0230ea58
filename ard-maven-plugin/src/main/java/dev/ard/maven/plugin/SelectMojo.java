package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.selection.BytecodeBases;
import dev.ard.core.selection.MustRunRules;
import dev.ard.core.selection.ReactorSelection;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionBasisResolver;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.Shard;
import dev.ard.core.selection.ShardContext;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.settings.SettingsCatalog;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreSnapshot;
import dev.ard.maven.support.ReactorLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Computes the test selection for the reactor without running any test, and writes one JSON line per change set to
 * {@code target/ard/selections.jsonl}: {@code {"changes":[…],"mode":"safe","selected":[…],"skipped":[…],
 * "reasons":{"a.FooTest":"…"}}} (fully qualified test classes; {@code "runAll"} says why when everything runs).
 *
 * <p>The classes must be compiled ({@code mvn test-compile ard:select}). The decision is a build's own
 * ({@link ReactorSelection}): for the current changes (no {@code ard.changed} or {@code ard.changeSets}) exactly what a
 * selective build would run, the stored model included. {@code auto} means predictive with a stored model, else safe,
 * on every branch: on {@code ard.fullBranches} a build in {@code auto} runs everything, but asking ard:select is asking
 * the selective question. A what-if question (given changes) answers it too, with the store's history and model when
 * there are some; without history only the impact analysis and {@code ard.mustRun} decide (a build would run all).
 * Candidates are the classes Surefire's and Failsafe's default includes take.
 */
@Mojo(name = "select", aggregator = true, threadSafe = true)
public class SelectMojo extends AbstractStoreMojo {

    private static final TestClassFilter SUREFIRE =
            new TestClassFilter(TestClassFilter.SUREFIRE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
    private static final TestClassFilter FAILSAFE =
            new TestClassFilter(TestClassFilter.FAILSAFE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));

    /** Changed files, comma-separated, relative to the build's root directory (default: the working tree's changes). */
    @Parameter(property = "ard.changed")
    private String changed;

    /** A file with one comma-separated change set per line (blank lines and {@code #} comments skipped). */
    @Parameter(property = "ard.changeSets")
    private String changeSets;

    /** Revision to compare the working tree with when no changes are given (default: CI base, else last green build). */
    @Parameter(property = "ard.baseRef")
    private String baseRef;

    /** Test-class globs that always run. */
    @Parameter(property = "ard.mustRun")
    private String mustRun;

    /** {@code auto} (predictive with a stored model, else safe), {@code safe}, {@code predictive}; {@code all}/{@code off}: everything runs. */
    @Parameter(property = "ard.selection", defaultValue = "auto")
    private String selection;

    /** Predictive mode: at most this share or time of the candidates' test time ({@code 30%}, {@code 5m}). */
    @Parameter(property = "ard.timeBudget")
    private String timeBudget;

    /**
     * Also print how the shards of a CI run would split the selection: {@code all/4} (every shard) or {@code 2/4}
     * (the same partition, this shard marked), as a sequential build places it.
     */
    @Parameter(property = "ard.shard")
    private String shard;

    /** With {@code ard.shard}: the CI run whose shards' store snapshot to read (else HEAD's commit time cuts it). */
    @Parameter(property = "ard.run")
    private String run;

    /** Changed files (outside source and resource roots) that never make tests run. */
    @Parameter(property = "ard.ignoredChanges", defaultValue = SettingsCatalog.DEFAULT_IGNORED_CHANGES)
    private String ignoredChanges;

    /** This goal's execution: its plugin version is the ARD version a bytecode snapshot must have been written by. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Inject
    public SelectMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SelectionMode mode = SelectionMode.parse(selection);
        if (mode == null) {
            throw new MojoFailureException(
                    "ARD: unknown ard.selection '" + selection + "' (auto, safe, predictive, all, off)");
        }
        Shard shardAsked = shard();
        Path mavenRoot = root();
        Path repoRoot = GitInspector.workTree(mavenRoot).orElse(mavenRoot);
        List<MavenProject> reactor = session.getProjects();
        List<ModuleInfo> modules = ReactorLayout.of(
                reactor, reactor.stream().map(ReactorLayout::moduleId).collect(Collectors.toSet()));
        ImpactAnalyzer analyzer =
                new ImpactAnalyzer(mavenRoot.resolve(".ard").resolve("cache").resolve("impact"));
        StoreConfig config = storeConfig();
        ShardContext sharding = shardAsked == null
                ? null
                : ShardContext.resolve(
                        mavenRoot,
                        shardAsked,
                        config,
                        run == null || run.isBlank() ? null : run.strip(),
                        false,
                        Instant.now(),
                        null);
        if (sharding != null && !sharding.partitions()) {
            getLog().warn("ARD: shard " + shardAsked + " would run the whole selection: " + sharding.problem());
        }
        List<Question> questions = questions(
                mode,
                mavenRoot,
                repoRoot,
                config,
                sharding == null || sharding.snapshot() == null ? StoreSnapshot.LIVE : sharding.snapshot());
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Question question : questions) {
            ReactorSelection.Rules rules = new ReactorSelection.Rules(
                    MustRunRules.of(mustRun),
                    ChangeFilter.of(ignoredChanges),
                    TimeBudget.parse(timeBudget),
                    !question.whatIf());
            // as a build would: against the base build's bytecode when it kept a snapshot (the same answer as the
            // build)
            ReactorSelection reactorSelection = new ReactorSelection(
                    question.basis(),
                    modules,
                    repoRoot,
                    analyzer,
                    rules,
                    warning -> getLog().warn("ARD: " + warning),
                    BytecodeBases.of(
                            question.basis(),
                            mavenRoot.resolve(".ard").resolve("cache").resolve("bytecode"),
                            mojoExecution == null ? "?" : mojoExecution.getVersion()));
            List<TestDecision> decisions = decide(modules, reactorSelection);
            Map<String, Object> line = line(question, decisions);
            if (reactorSelection.changesSeen() != null) {
                line.put("changesSeen", reactorSelection.changesSeen());
            }
            if (sharding != null && sharding.partitions()) {
                List<List<String>> partition = ShardPartition.of(
                        reactor, modules, reactorSelection, sharding, SUREFIRE::accepts, FAILSAFE::accepts);
                line.put("shard", shardAsked.toString());
                line.put("shards", partition);
                if (questions.size() == 1) {
                    ShardPartition.log(partition, shardAsked, getLog());
                }
            }
            try {
                lines.add(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new MojoExecutionException("ARD: cannot write a selection as JSON: " + e.getMessage(), e);
            }
            if (questions.size() == 1) {
                log(question, decisions);
            }
        }
        Path out = Path.of(session.getTopLevelProject().getBuild().getDirectory())
                .resolve("ard")
                .resolve("selections.jsonl");
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("ARD: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("ARD: " + lines.size() + (lines.size() == 1 ? " selection" : " selections") + " written to "
                + out);
    }

    private Shard shard() throws MojoFailureException {
        if (shard == null || shard.isBlank()) {
            return null;
        }
        try {
            return SettingsCatalog.SHARD.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("ARD: " + e.getMessage());
        }
    }

    private List<Question> questions(
            SelectionMode mode, Path mavenRoot, Path repoRoot, StoreConfig config, StoreSnapshot snapshot)
            throws MojoFailureException {
        List<List<String>> given = givenChangeSets();
        if (given.isEmpty()) {
            GitState git = GitInspector.inspect(mavenRoot);
            String ciBase = CiEnvironment.detect(System.getenv()).baseRef();
            SelectionBasis basis =
                    SelectionBasisResolver.resolve(mavenRoot, mode, git.branch(), baseRef, ciBase, config, snapshot);
            List<String> shown = basis instanceof SelectionBasis.Select select
                    ? select.changes().paths()
                    : List.of();
            return List.of(new Question(basis, shown, false));
        }
        List<Question> questions = new ArrayList<>();
        for (List<String> paths : given) {
            // Given relative to the Maven root (where .mvn is); the analysis takes them relative to the git work tree.
            List<String> fromRepo = paths.stream()
                    .map(p -> repoRoot.relativize(mavenRoot.resolve(p).normalize())
                            .toString()
                            .replace('\\', '/'))
                    .toList();
            SelectionBasis basis = mode.selects()
                    ? SelectionBasisResolver.whatIf(repoRoot, mode, ChangeSet.of(fromRepo), config, null)
                    : SelectionBasis.RunAll.notSelecting(mode);
            questions.add(new Question(basis, paths, true));
        }
        return questions;
    }

    private List<List<String>> givenChangeSets() throws MojoFailureException {
        List<List<String>> sets = new ArrayList<>();
        if (changed != null && !changed.isBlank()) {
            sets.add(split(changed));
        }
        if (changeSets != null && !changeSets.isBlank()) {
            Path file = Path.of(changeSets);
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        sets.add(split(line));
                    }
                }
            } catch (IOException e) {
                throw new MojoFailureException("ARD: cannot read ard.changeSets file " + file + ": " + e.getMessage());
            }
        }
        return sets;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replace('\\', '/'))
                .toList();
    }

    /** One question to answer: the basis, the changes as the user named them, and whether they were given (what-if). */
    private record Question(SelectionBasis basis, List<String> shown, boolean whatIf) {}

    /** Every module's decisions, Surefire's candidates and Failsafe's apart, as their executions would be decided. */
    private static List<TestDecision> decide(List<ModuleInfo> modules, ReactorSelection reactorSelection) {
        List<TestDecision> decisions = new ArrayList<>();
        for (ModuleInfo module : modules) {
            decisions.addAll(
                    reactorSelection.select(module.id(), SUREFIRE::accepts).decisions());
            decisions.addAll(
                    reactorSelection.select(module.id(), FAILSAFE::accepts).decisions());
        }
        return decisions;
    }

    private static Map<String, Object> line(Question question, List<TestDecision> decisions) {
        Map<String, String> reasons = new TreeMap<>();
        decisions.forEach(d -> reasons.put(d.className(), d.reason()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("changes", question.shown());
        line.put("mode", question.basis().mode().id());
        line.put(
                "selected",
                decisions.stream()
                        .filter(TestDecision::selected)
                        .map(TestDecision::className)
                        .toList());
        line.put(
                "skipped",
                decisions.stream()
                        .filter(d -> !d.selected())
                        .map(TestDecision::className)
                        .toList());
        line.put("reasons", reasons);
        if (question.basis() instanceof SelectionBasis.RunAll all) {
            line.put("runAll", all.reason());
        }
        return line;
    }

    private void log(Question question, List<TestDecision> decisions) {
        getLog().info("ARD: would run "
                + decisions.stream().filter(TestDecision::selected).count() + "/" + decisions.size() + " test classes"
                + (question.basis() instanceof SelectionBasis.RunAll all ? ": " + all.reason() : ""));
        decisions.stream().filter(TestDecision::selected).forEach(d -> getLog().info(
                        "ARD:   runs  " + d.className() + " \u2190 " + d.reason()));
        if (getLog().isDebugEnabled()) {
            decisions.stream().filter(d -> !d.selected()).forEach(d -> getLog().debug(
                            "ARD:   skips " + d.className() + " \u2190 " + d.reason()));
        }
    }
}
