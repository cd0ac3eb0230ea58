package dev.ard.maven.extension;

import dev.ard.core.selection.MustRunRules;
import dev.ard.core.selection.SelectionMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code ard.*} properties the extension reads, merged from (highest first) the session's user
 * properties ({@code -D…}), the system properties and the top-level project's {@code <properties>}.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ard.selection}</td><td>{@code auto}</td><td>{@code off}: ARD is fully inert; {@code all}: run
 *       every test and record telemetry; {@code safe}: run the tests a change can reach, plus must-run ones;
 *       {@code predictive}: the safe candidates ranked by the trained model ({@code ard:train}), cut at its
 *       calibrated recall or {@code ard.timeBudget}, {@code safe} while no model is ready; {@code auto}: {@code all}
 *       on {@code ard.fullBranches}, else {@code predictive}.</td></tr>
 *   <tr><td>{@code ard.train.every}</td><td>{@code 50}</td><td>after this many builds since the stored model, a
 *       full-branch build in {@code auto} retrains it at its end ({@code 0}: never; {@code ard:train} by hand).</td></tr>
 *   <tr><td>{@code ard.timeBudget}</td><td>none</td><td>predictive mode: at most this share or time of the
 *       candidates' test time ({@code 30%}, {@code 5m}).</td></tr>
 *   <tr><td>{@code ard.fullBranches}</td><td>{@code main,master,release/*}</td><td>branches {@code auto} runs
 *       everything on, so their history stays complete ({@code *} matches within one path segment).</td></tr>
 *   <tr><td>{@code ard.baseRef}</td><td>none</td><td>the revision to compare with (sha, branch,
 *       {@code origin/main}, {@code HEAD~1}); else the CI's pull-request base, else the last green build.</td></tr>
 *   <tr><td>{@code ard.mustRun}</td><td>none</td><td>class globs that always run, e.g. {@code *SmokeTest,com.x.**}.</td></tr>
 *   <tr><td>{@code ard.ignoredChanges}</td><td>{@code **}{@code /*.md,**}{@code /*.adoc}</td><td>changed files (outside source
 *       and resource roots) that never make tests run.</td></tr>
 *   <tr><td>{@code ard.explain}</td><td>{@code false}</td><td>log each test class's decision and its reason.</td></tr>
 *   <tr><td>{@code ard.store}</td><td>SQLite at {@code <root>/.ard/telemetry.db}</td><td>JDBC URL of the
 *       telemetry store, e.g. {@code jdbc:postgresql://host/db}.</td></tr>
 *   <tr><td>{@code ard.store.server}</td><td>none</td><td>settings.xml {@code <server>} id whose (decrypted)
 *       username/password log in to {@code ard.store}.</td></tr>
 *   <tr><td>{@code ard.strict}</td><td>{@code false}</td><td>{@code true}: any ARD failure fails the build
 *       instead of logging one warning.</td></tr>
 * </table>
 *
 * @param selection    the selection mode asked for ({@code null}: an unknown value, which runs all with a warning)
 * @param auto         the mode was {@code auto} (given or by default): {@code all} on the full branches
 * @param strict       fail the build on any ARD fault
 * @param rawSelection the value as given, for the warning about unknown modes
 * @param all          the merged {@code ard.*} properties only (system properties also hold the environment,
 *                     secrets included, which ARD neither needs nor keeps), for the store configuration
 */
public record ArdProperties(SelectionMode selection, boolean auto, boolean strict, String rawSelection, Map<String, String> all) {

    public static final String SELECTION = "ard.selection";
    public static final String FULL_BRANCHES = "ard.fullBranches";
    public static final String BASE_REF = "ard.baseRef";
    public static final String MUST_RUN = "ard.mustRun";
    public static final String IGNORED_CHANGES = "ard.ignoredChanges";
    public static final String EXPLAIN = "ard.explain";
    public static final String TIME_BUDGET = "ard.timeBudget";
    public static final String TRAIN_EVERY = "ard.train.every";
    static final double DEFAULT_TARGET_RECALL = 0.99;
    public static final String STORE = "ard.store";
    public static final String STORE_SERVER = "ard.store.server";
    public static final String STRICT = "ard.strict";

    static final String DEFAULT_FULL_BRANCHES = "main,master,release/*";
    static final String DEFAULT_IGNORED_CHANGES = "**/*.md,**/*.adoc";

    public ArdProperties {
        all = Map.copyOf(all);
    }

    /** Reads the ARD settings out of already merged properties. */
    public static ArdProperties from(Map<String, String> merged) {
        Map<String, String> ard = new HashMap<>();
        merged.forEach((name, value) -> {
            if (name != null && value != null && name.startsWith("ard.")) {
                ard.put(name, value);
            }
        });
        String raw = ard.getOrDefault(SELECTION, "auto").trim();
        SelectionMode selection = SelectionMode.parse(raw);
        boolean auto = raw.isEmpty() || "auto".equalsIgnoreCase(raw);
        boolean strict = Boolean.parseBoolean(ard.getOrDefault(STRICT, "false").trim());
        return new ArdProperties(selection, auto, strict, raw, ard);
    }

    /** Merges the three property sources; a later argument overrides an earlier one. Nulls are skipped. */
    public static Map<String, String> merge(Properties project, Properties system, Properties user) {
        Map<String, String> merged = new HashMap<>();
        for (Properties source : new Properties[] {project, system, user}) {
            if (source != null) {
                // stringPropertyNames() also sees defaults and skips non-String entries someone may have put.
                for (String name : source.stringPropertyNames()) {
                    merged.put(name, source.getProperty(name));
                }
            }
        }
        return merged;
    }

    public boolean off() {
        return selection == SelectionMode.OFF;
    }

    /** An {@code ard.selection} value ARD does not know: it runs all tests and says so. */
    public boolean unknownSelection() {
        return selection == null;
    }

    /** The mode for a build on {@code branch}: {@code auto} runs everything on the full branches. */
    public SelectionMode modeFor(String branch) {
        if (selection == null) {
            return SelectionMode.ALL;
        }
        if (auto && branch != null && fullBranch(branch)) {
            return SelectionMode.ALL;
        }
        return selection;
    }

    boolean fullBranch(String branch) {
        for (String glob : list(all.getOrDefault(FULL_BRANCHES, DEFAULT_FULL_BRANCHES))) {
            String re = Pattern.quote(glob).replace("*", "\\E[^/]*\\Q");
            if (Pattern.matches(re, branch)) {
                return true;
            }
        }
        return false;
    }

    public boolean explain() {
        String value = all.get(EXPLAIN);
        // `-Dard.explain` alone sets the property to an empty string (Maven) or "true".
        return value != null && (value.isBlank() || Boolean.parseBoolean(value.trim()));
    }

    public String baseRef() {
        String value = all.get(BASE_REF);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public MustRunRules mustRun() {
        return MustRunRules.of(all.get(MUST_RUN));
    }

    /** The user asked for {@code predictive} by name (not through {@code auto}): a fallback to safe is worth a word. */
    public boolean explicitPredictive() {
        return selection == SelectionMode.PREDICTIVE && !auto;
    }

    /** {@code ard.timeBudget} ({@code 30%}, {@code 5m}), or {@code null}: predictive mode's limit on test time. */
    public String timeBudget() {
        String value = all.get(TIME_BUDGET);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code ard.train.every}: retrain the selection model after this many full-branch builds (default 50, 0 = never). */
    public int retrainEvery() {
        try {
            return Integer.parseInt(all.getOrDefault(TRAIN_EVERY, "50").trim());
        } catch (NumberFormatException e) {
            return 50;
        }
    }

    public String ignoredChanges() {
        return all.getOrDefault(IGNORED_CHANGES, DEFAULT_IGNORED_CHANGES);
    }

    private static List<String> list(String csv) {
        List<String> values = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    /** Names only: a property value (e.g. a JDBC URL) may hold a password. */
    @Override
    public String toString() {
        return "ArdProperties[selection=" + rawSelection + ", strict=" + strict + ", set=" + new TreeSet<>(all.keySet()) + "]";
    }
}
