package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.ChangeSet;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import dev.ard.core.impact.ChangeFilter;
import dev.ard.core.impact.ImpactAnalyzer;
import dev.ard.core.impact.ImpactReport;
import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.ModuleInfo;
import dev.ard.core.selection.MustRunRules;
import dev.ard.core.selection.SafeSelector;
import dev.ard.core.selection.SelectionBases;
import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.TestClassFilter;
import dev.ard.core.selection.TestDecision;
import dev.ard.core.selection.TestSelection;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TestHistory;
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
 * What-if: computes the safe test selection for the reactor without running any test, and writes one JSON line per
 * change set to {@code target/ard/selections.jsonl}:
 * {@code {"changes":[…],"selected":[…],"skipped":[…],"reasons":{"a.FooTest":"…"}}} (fully qualified test classes).
 *
 * <p>The classes must be compiled ({@code mvn test-compile ard:select}). Without {@code ard.changed} or
 * {@code ard.changeSets} it selects for the current changes, exactly as a {@code -Dard.selection=safe} build would
 * (base commit, history, must-run rules). With given changes the history's must-run rules still apply when the store
 * has history; without history only the impact analysis and {@code ard.mustRun} decide (a build would run all).
 * Candidates are the classes Surefire's and Failsafe's default includes take.
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

    /** Changed files (outside source and resource roots) that never make tests run. */
    @Parameter(property = "ard.ignoredChanges", defaultValue = "**/*.md,**/*.adoc")
    private String ignoredChanges;

    @Inject
    public SelectMojo(MavenSession session, SettingsDecrypter decrypter) {
        super(session, decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path mavenRoot = root();
        Path repoRoot = GitInspector.workTree(mavenRoot).orElse(mavenRoot);
        StoreConfig config = storeConfig();
        List<MavenProject> reactor = session.getProjects();
        Set<String> everyModule = new HashSet<>();
        reactor.forEach(p -> everyModule.add(ReactorLayout.moduleId(p)));
        List<ModuleInfo> modules = ReactorLayout.of(reactor, everyModule);
        ImpactAnalyzer analyzer = new ImpactAnalyzer(mavenRoot.resolve(".ard").resolve("cache").resolve("impact"));
        List<Question> questions = questions(mavenRoot, repoRoot, config);
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Question question : questions) {
            Map<String, Object> line = select(repoRoot, modules, analyzer, question);
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

    private List<Question> questions(Path mavenRoot, Path repoRoot, StoreConfig config) throws MojoFailureException {
        List<List<String>> given = givenChangeSets();
        if (given.isEmpty()) {
            GitState git = GitInspector.inspect(mavenRoot);
            String ciBase = CiEnvironment.detect(System.getenv()).baseRef();
            SelectionBasis basis = SelectionBases.resolve(mavenRoot, SelectionMode.SAFE, git.branch(), baseRef, ciBase, config);
            return List.of(new Question(basis, basis.changes() == null ? List.of() : basis.changes().paths()));
        }
        TestHistory history = SelectionBases.readHistory(config, null);
        List<Question> bases = new ArrayList<>();
        for (List<String> paths : given) {
            // Given relative to the Maven root (where .mvn is); the analysis takes them relative to the git work tree.
            List<String> fromRepo = paths.stream()
                    .map(p -> repoRoot.relativize(mavenRoot.resolve(p).normalize()).toString().replace('\\', '/'))
                    .toList();
            bases.add(new Question(new SelectionBasis(SelectionMode.SAFE, ChangeSet.of(fromRepo), history, null, null, repoRoot), paths));
        }
        return bases;
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

    /** One question to answer: the basis, and the changes as the user named them. */
    private record Question(SelectionBasis basis, List<String> shown) {}

    private Map<String, Object> select(Path repoRoot, List<ModuleInfo> modules, ImpactAnalyzer analyzer, Question question) {
        SelectionBasis basis = question.basis();
        List<String> shown = question.shown();
        List<String> paths = basis.changes() == null ? List.of() : basis.changes().paths();
        // Analysed even when everything runs: the analysis also lists each module's test classes.
        ImpactReport report = analyzer.analyze(repoRoot, modules, basis.runAllReason() != null ? List.of() : paths, ChangeFilter.of(ignoredChanges));
        report.warnings().forEach(w -> getLog().warn("ARD: " + w));
        boolean whatIf = basis.changes() != null && ChangeSet.GIVEN.equals(basis.changes().baseSource());
        SafeSelector selector = new SafeSelector(basis.history(), MustRunRules.of(mustRun), !whatIf);
        TestClassFilter surefire = new TestClassFilter(TestClassFilter.SUREFIRE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
        TestClassFilter failsafe = new TestClassFilter(TestClassFilter.FAILSAFE_INCLUDES, List.of(TestClassFilter.DEFAULT_EXCLUDE));
        List<String> selected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> reasons = new TreeMap<>();
        for (ModuleInfo module : modules) {
            ModuleImpact impact = report.modules().get(module.id());
            List<String> candidates = impact == null ? List.<String>of() : impact.testClasses();
            candidates = candidates.stream().filter(c -> surefire.accepts(c) || failsafe.accepts(c)).toList();
            TestSelection selection = selector.select(module.id(), candidates, impact, basis.moduleRunAllReason(module.id()));
            for (TestDecision decision : selection.decisions()) {
                (decision.selected() ? selected : skipped).add(decision.className());
                reasons.put(decision.className(), decision.reason());
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("changes", shown);
        line.put("selected", selected);
        line.put("skipped", skipped);
        line.put("reasons", reasons);
        if (basis.runAllReason() != null) {
            line.put("runAll", basis.runAllReason());
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
