package dev.ard.maven.extension;

import dev.ard.core.selection.MustRunRules;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.selection.Shard;
import dev.ard.core.settings.Setting;
import dev.ard.core.settings.SettingValues;
import dev.ard.core.settings.SettingsCatalog;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code ard.*} settings the extension reads, merged from (highest first) the session's user properties
 * ({@code -D…}), the system properties and the top-level project's {@code <properties>} (see
 * {@code SessionSettings}). Names, defaults, parsers and docs are the catalogue's ({@link SettingsCatalog}, also the
 * README's *Properties* table). A value that does not parse never fails the build: it falls back to the default, and
 * an unknown {@code ard.selection} runs all tests with a warning.
 *
 * @param selection    the selection mode asked for ({@code null}: an unknown value, which runs all with a warning)
 * @param auto         the mode was {@code auto} (given or by default): {@code all} on the full branches
 * @param strict       fail the build on any ARD fault
 * @param rawSelection the value as given, for the warning about unknown modes
 * @param all          the merged {@code ard.*} properties only (system properties also hold the environment,
 *                     secrets included, which ARD neither needs nor keeps), for the store configuration
 */
record ArdProperties(
        SelectionMode selection, boolean auto, boolean strict, String rawSelection, Map<String, String> all) {

    /** What automatic retraining calibrates for: {@code ard.targetRecall}'s default (the extension does not read it). */
    static final double DEFAULT_TARGET_RECALL = Double.parseDouble(SettingsCatalog.DEFAULT_TARGET_RECALL);

    public ArdProperties {
        all = Map.copyOf(all);
    }

    /** Reads the ARD settings out of already merged properties. */
    public static ArdProperties from(Map<String, String> merged) {
        return from(SettingValues.of(merged));
    }

    /** Reads the ARD settings out of a build's merged values. */
    public static ArdProperties from(SettingValues values) {
        String raw = values.asMap()
                .getOrDefault(SettingsCatalog.SELECTION.name(), "auto")
                .trim();
        String mode = values.getOr(SettingsCatalog.SELECTION, null);
        SelectionMode selection = mode == null ? null : SelectionMode.parse(mode);
        boolean auto = "auto".equals(mode);
        boolean strict = values.getOr(SettingsCatalog.STRICT, false);
        return new ArdProperties(selection, auto, strict, raw, values.asMap());
    }

    /** The same values, parsed through the catalogue. */
    public SettingValues settings() {
        return SettingValues.of(all);
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

    /** {@code ard.fullBranches}: globs of the branches where {@code auto} runs everything. */
    List<String> fullBranches() {
        return settings().getOr(SettingsCatalog.FULL_BRANCHES, SettingsCatalog.FULL_BRANCHES.parse(null));
    }

    boolean fullBranch(String branch) {
        return dev.ard.core.telemetry.BranchGlobs.matches(fullBranches(), branch);
    }

    /** {@code ard.explain}; {@code -Dard.explain} alone (an empty value or "true") switches it on. */
    public boolean explain() {
        return settings().getOr(SettingsCatalog.EXPLAIN, false);
    }

    public String baseRef() {
        return settings().get(SettingsCatalog.BASE_REF);
    }

    public MustRunRules mustRun() {
        return MustRunRules.of(settings().raw(SettingsCatalog.MUST_RUN));
    }

    /** The user asked for {@code predictive} by name (not through {@code auto}): a fallback to safe is worth a word. */
    public boolean explicitPredictive() {
        return selection == SelectionMode.PREDICTIVE && !auto;
    }

    /**
     * {@code ard.timeBudget} as given ({@code 30%}, {@code 5m}), or {@code null}: predictive mode's limit on test time,
     * parsed where it is applied (a bad value is a fault there, not a silent default).
     */
    public String timeBudget() {
        String value = settings().raw(SettingsCatalog.TIME_BUDGET);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code ard.selection.timeout}: how long after the build's start the tests wait for the selection basis. */
    public java.time.Duration selectionTimeout() {
        return settings().getOr(SettingsCatalog.SELECTION_TIMEOUT, SettingsCatalog.SELECTION_TIMEOUT.parse(null));
    }

    /** {@code ard.train.every}: retrain the selection model after this many full-branch builds (0 = never). */
    public int retrainEvery() {
        long fallback = SettingsCatalog.TRAIN_EVERY.parse(null);
        return (int) Math.min(Integer.MAX_VALUE, settings().getOr(SettingsCatalog.TRAIN_EVERY, fallback));
    }

    /** {@code ard.ignoredChanges} as given (the globs are parsed by the change-set filter), else the default. */
    public String ignoredChanges() {
        return all.getOrDefault(SettingsCatalog.IGNORED_CHANGES.name(), SettingsCatalog.DEFAULT_IGNORED_CHANGES);
    }

    /**
     * The shard this build runs: {@code ard.shard}, else GitLab's {@code CI_NODE_INDEX}/{@code CI_NODE_TOTAL};
     * {@code null} when the build is not one shard of several ({@code 1/1} is the whole selection). {@code all/n} is
     * returned as it is: {@code ard:select}'s what-if, which a build that runs tests declines with a warning.
     *
     * @throws IllegalArgumentException with a message for the user: a malformed or out-of-range shard
     */
    public Shard shard(Map<String, String> env) {
        String raw = settings().raw(SettingsCatalog.SHARD);
        Shard shard = raw == null || raw.isBlank() ? Shard.fromEnvironment(env) : SettingsCatalog.SHARD.parse(raw);
        return shard == null || shard.whole() ? null : shard;
    }

    /** The settings a shard's partition depends on; shards of one run must agree on them (besides the shard index). */
    private static final List<Setting<?>> PLAN_SETTINGS = List.of(
            SettingsCatalog.SELECTION,
            SettingsCatalog.FULL_BRANCHES,
            SettingsCatalog.BASE_REF,
            SettingsCatalog.MUST_RUN,
            SettingsCatalog.IGNORED_CHANGES,
            SettingsCatalog.TIME_BUDGET,
            SettingsCatalog.SHARD_CLOCK_MARGIN);

    /**
     * What this shard plans with, compared with the run's first shard's: {@code ARD 0.1.0; n=4; ard.selection=safe; …}
     * (the settings as given; none of them holds a secret).
     */
    public String shardPlan(String ardVersion, Shard shard) {
        StringBuilder plan =
                new StringBuilder("ARD ").append(ardVersion).append("; n=").append(shard.total());
        for (Setting<?> setting : PLAN_SETTINGS) {
            String value = settings().raw(setting);
            if (value != null) {
                plan.append("; ").append(setting.name()).append('=').append(value.strip());
            }
        }
        return plan.toString();
    }

    /** {@code ard.shard.clockMargin}: how long before the first shard's start the run's store snapshot is cut. */
    public java.time.Duration shardClockMargin() {
        return settings().getOr(SettingsCatalog.SHARD_CLOCK_MARGIN, SettingsCatalog.SHARD_CLOCK_MARGIN.parse(null));
    }

    /** {@code ard.run}: the run id given by the user, or {@code null} (then the CI's). */
    public String run() {
        String value = settings().raw(SettingsCatalog.RUN);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code ard.verifyDependencies}: bind {@code ard:verify-dependencies} to the first module's validate. */
    public boolean verifyDependencies() {
        return settings().getOr(SettingsCatalog.VERIFY_DEPENDENCIES_ON, false);
    }

    /** {@code ard.sbom}: add cyclonedx-maven-plugin's {@code makeBom} to every module. */
    public boolean sbom() {
        return settings().getOr(SettingsCatalog.SBOM, false);
    }

    /** {@code ard.sbom.version}: the cyclonedx-maven-plugin version to add. */
    public String sbomVersion() {
        return settings().get(SettingsCatalog.SBOM_VERSION);
    }

    /** {@code ard.quarantine} as given (a path from the root, or {@code none}), or {@code null} for the default file. */
    public String quarantine() {
        String value = settings().raw(SettingsCatalog.QUARANTINE);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Names only: a property value (e.g. a JDBC URL) may hold a password. */
    @Override
    public String toString() {
        return "ArdProperties[selection=" + rawSelection + ", strict=" + strict + ", set=" + new TreeSet<>(all.keySet())
                + "]";
    }
}
