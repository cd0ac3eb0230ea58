package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.selection.MustRunRules;
import dev.ard.core.selection.ReactorSelection;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionBasisResolver;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.maven.support.ReactorLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Computes the test selection for the reactor without running any test, and writes one JSON line per change set to
 * {@code target/ard/selections.jsonl}:
 * {@code {"changes":[…],"mode":"safe","selected":[…],"skipped":[…],"reasons":{"a.FooTest":"…"}}} (fully qualified test
 * classes; {@code "runAll"} says why when every test runs).
 *
 * <p>The classes must be compiled ({@code mvn test-compile ard:select}). The decision is the build's own
 * ({@link ReactorSelection}): without {@code ard.changed} or {@code ard.changeSets} it answers for the current changes
 * exactly what a selective build would run (base commit, history, must-run rules, and the stored model in
 * {@code predictive} or {@code auto}). {@code auto} here always means predictive-if-a-model-is-stored-else-safe, also
 * on {@code ard.fullBranches} (where a build in {@code auto} runs everything): asking for a selection is asking the
 * selective question. A what-if question (given changes) answers it too: the history's must-run rules and the model
 * apply when the store has them; without history only the impact analysis and {@code ard.mustRun} decide (a build
 * would run all). Candidates are the classes Surefire's and Failsafe's default includes take, each plugin's
 * candidates decided apart as their executions would be.
 */
@Mojo(name = "select", aggregator = true, threadSafe = true)
public class SelectMojo extends AbstractStoreMojo {

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

    /** Changed files (outside source and resource roots) that never make tests run. */
    @Parameter(property = "ard.ignoredChanges", defaultValue = "**/*.md,**/*.adoc")
    private String ignoredChanges;

    @Inject
    public SelectMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        SelectionMode mode = SelectionMode.parse(selection);
        if (mode == null) {
            throw new MojoFailureException("ARD: unknown ard.selection '" + selection + "' (auto, safe, predictive, all, off)");
        }
        Path mavenRoot = root();
        Path repoRoot = GitInspector.workTree(mavenRoot).orElse(mavenRoot);
        List<MavenProject> reactor = session.getProjects();
        Set<String> everyModule = new HashSet<>();
        reactor.forEach(p -> everyModule.add(ReactorLayout.moduleId(p)));
        List<ModuleInfo> modules = ReactorLayout.of(reactor, everyModule);
        ImpactAnalyzer analyzer = new ImpactAnalyzer(mavenRoot.resolve(".ard").resolve("cache").resolve("impact"));
        List<Question> questions = questions(mode, mavenRoot, repoRoot, storeConfig());
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Question question : questions) {
            ReactorSelection.Rules rules = new ReactorSelection.Rules(MustRunRules.of(mustRun), ChangeFilter.of(ignoredChanges),
                    TimeBudget.parse(timeBudget), !question.whatIf());
            ReactorSelection reactorSelection = new ReactorSelection(question.basis(), modules, repoRoot, analyzer, rules,
                    warning -> getLog().warn("ARD: " + warning));
            Map<String, Object> line = line(question, modules, reactorSelection);
            try {
                lines.add(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new MojoExecutionException("ARD: cannot write a selection as JSON: " + e.getMessage(), e);
            }
            if (questions.size() == 1) {
                log(line);
            }
        }
        Path out = Path.of(session.getTopLevelProject().getBuild().getDirectory()).resolve("ard").resolve("selections.jsonl");
        try {
            Files.createDirectories(out.getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("ARD: cannot write " + out + ": " + e.getMessage(), e);
        }
        getLog().info("ARD: " + lines.size() + (lines.size() == 1 ? " selection" : " selections") + " written to " + out);
    }

    private List<Question> questions(SelectionMode mode, Path mavenRoot, Path repoRoot, StoreConfig config) throws MojoFailureException {
        List<List<String>> given = givenChangeSets();
        if (given.isEmpty()) {
            GitState git = GitInspector.inspect(mavenRoot);
            String ciBase = CiEnvironment.detect(System.getenv()).baseRef();
            SelectionBasis basis = SelectionBasisResolver.resolve(mavenRoot, mode, git.branch(), baseRef, ciBase, config);
            List<String> shown = basis instanceof SelectionBasis.Select select ? select.changes().paths() : List.of();
            return List.of(new Question(basis, shown, false));
        }
        List<Question> questions = new ArrayList<>();
        for (List<String> paths : given) {
            // Given relative to the Maven root (where .mvn is); the analysis takes them relative to the git work tree.
            List<String> fromRepo = paths.stream()
                    .map(p -> repoRoot.relativize(mavenRoot.resolve(p).normalize()).toString().replace('\\', '/'))
                    .toList();
            SelectionBasis basis = mode.selects() ? SelectionBasisResolver.whatIf(repoRoot, mode, ChangeSet.of(fromRepo), config, null)
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
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.replace('\\', '/')).toList();
    }

    /** One question to answer: the basis, the changes as the user named them, and whether they were given (what-if). */
    private record Question(SelectionBasis basis, List<String> shown, boolean whatIf) {}

    private static Map<String, Object> line(Question question, List<ModuleInfo> modules, ReactorSelection reactorSelection) {
        TestClassFilter surefire = new TestClassFilter(TestClassFilter.SUREFIRE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
        TestClassFilter failsafe = new TestClassFilter(TestClassFilter.FAILSAFE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
        List<String> selected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> reasons = new TreeMap<>();
        for (ModuleInfo module : modules) {
            for (TestClassFilter plugin : List.of(surefire, failsafe)) {
                for (TestDecision decision : reactorSelection.select(module.id(), plugin::accepts).decisions()) {
                    (decision.selected() ? selected : skipped).add(decision.className());
                    reasons.put(decision.className(), decision.reason());
                }
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("changes", question.shown());
        line.put("mode", question.basis().mode().id());
        line.put("selected", selected);
        line.put("skipped", skipped);
        line.put("reasons", reasons);
        if (question.basis() instanceof SelectionBasis.RunAll all) {
            line.put("runAll", all.reason());
        }
        return line;
    }

    @SuppressWarnings("unchecked")
    private void log(Map<String, Object> line) {
        List<String> selected = (List<String>) line.get("selected");
        List<String> skipped = (List<String>) line.get("skipped");
        Map<String, String> reasons = (Map<String, String>) line.get("reasons");
        getLog().info("ARD: would run " + selected.size() + "/" + (selected.size() + skipped.size()) + " test classes"
                + (line.containsKey("runAll") ? ": " + line.get("runAll") : ""));
        for (String test : selected) {
            getLog().info("ARD:   runs  " + test + " \u2190 " + reasons.get(test));
        }
        if (getLog().isDebugEnabled()) {
            for (String test : skipped) {
                getLog().debug("ARD:   skips " + test + " \u2190 " + reasons.get(test));
            }
        }
    }
}
