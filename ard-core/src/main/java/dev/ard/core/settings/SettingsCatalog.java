package dev.ard.core.settings;

import static dev.ard.core.settings.Scope.EVALUATE;
import static dev.ard.core.settings.Scope.EXTENSION;
import static dev.ard.core.settings.Scope.PROVENANCE;
import static dev.ard.core.settings.Scope.REPORT;
import static dev.ard.core.settings.Scope.SELECT;
import static dev.ard.core.settings.Scope.SIGN;
import static dev.ard.core.settings.Scope.STATS;
import static dev.ard.core.settings.Scope.TRAIN;
import static dev.ard.core.settings.Scope.VERIFY;
import static dev.ard.core.settings.Scope.VERIFY_DEPENDENCIES;

import dev.ard.core.selection.Shard;
import dev.ard.core.selection.predictive.TimeBudget;
import dev.ard.core.selection.quarantine.QuarantineFile;
import dev.ard.core.telemetry.StoreConfigResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code ard.*} setting ARD reads, in README order. The extension parses its settings through these
 * descriptions; the plugin's {@code @Parameter(property, defaultValue)} annotations repeat name and default for
 * {@code mvn help:describe}, and {@code PluginDescriptorSettingsTest} fails when they drift apart. The README's
 * tables are rendered from here by {@link SettingsTable}.
 */
public final class SettingsCatalog {

    /** Compile-time defaults, for {@code @Parameter(defaultValue = …)} in the plugin. */
    public static final String DEFAULT_IGNORED_CHANGES = "**/*.md,**/*.adoc";

    public static final String DEFAULT_FULL_BRANCHES = "main,master,release/*";
    public static final String DEFAULT_TARGET_RECALL = "0.99";
    public static final String DEFAULT_TRAIN_BUILDS = "2000";
    public static final String DEFAULT_TRAIN_MIN_BUILDS = "30";
    public static final String DEFAULT_TRAIN_EVERY = "50";
    public static final String DEFAULT_SELECTION_TIMEOUT = "10s";
    public static final String DEFAULT_SBOM_VERSION = "2.9.1";
    public static final String DEFAULT_PROVENANCE_PROPERTIES =
            "revision,sha1,changelist,skipTests,skipITs,maven.test.skip,ard.selection,ard.sbom,ard.baseRef";

    private static final Set<Scope> STORE_USERS =
            Set.of(EXTENSION, STATS, REPORT, Scope.QUARANTINE, SELECT, TRAIN, EVALUATE);
    private static final ValueType.Flag FLAG = new ValueType.Flag();
    private static final ValueType.Text TEXT = new ValueType.Text();
    private static final ValueType.FilePath PATH = new ValueType.FilePath();
    private static final ValueType.CommaList LIST = new ValueType.CommaList();

    // --- test selection (the extension; ard:select for the what-if) ---

    public static final Setting<String> SELECTION = new Setting<>(
            "ard.selection",
            new ValueType.Choice(List.of("off", "all", "safe", "predictive", "auto")),
            Default.value("auto"),
            Set.of(EXTENSION, SELECT),
            "`off`: ARD is inert (no reporter, nothing recorded); `all`: run every test, record telemetry; `safe`: run what a"
                    + " change can reach plus must-run tests; `predictive`: the safe candidates ranked by the model `ard:train`"
                    + " stored, cut at its calibrated recall (or `ard.timeBudget`), `safe` while no model is ready; `auto`: `all`"
                    + " on `ard.fullBranches`, else `predictive`; an unknown value runs all tests with a warning");
    public static final Setting<java.time.Duration> SELECTION_TIMEOUT = new Setting<>(
            "ard.selection.timeout",
            new ValueType.TimeSpan(),
            Default.value(DEFAULT_SELECTION_TIMEOUT),
            Set.of(EXTENSION),
            "how long after the build's start the tests may wait for the selection (history, change set, model, read in"
                    + " the background); past it every test runs, with a warning");
    public static final Setting<TimeBudget> TIME_BUDGET = new Setting<>(
            "ard.timeBudget",
            new ValueType.Budget(),
            Default.none(),
            Set.of(EXTENSION, SELECT, EVALUATE),
            "predictive mode: at most this share or amount of the candidates' test time (`30%`, `5m`)");
    public static final Setting<Double> TARGET_RECALL = new Setting<>(
            "ard.targetRecall",
            new ValueType.Decimal(0, 1),
            Default.value(DEFAULT_TARGET_RECALL),
            Set.of(TRAIN, EVALUATE),
            "the failing-test recall the model's threshold is calibrated for on held-out history (automatic retraining uses"
                    + " the default)");
    public static final Setting<Long> TRAIN_EVERY = new Setting<>(
            "ard.train.every",
            new ValueType.WholeNumber(0),
            Default.value(DEFAULT_TRAIN_EVERY),
            Set.of(EXTENSION),
            "after this many builds since the stored model, a full-branch build in `auto` mode retrains it at its end"
                    + " (`0`: never, run `ard:train` yourself)");
    public static final Setting<List<String>> FULL_BRANCHES = new Setting<>(
            "ard.fullBranches",
            LIST,
            Default.value(DEFAULT_FULL_BRANCHES),
            Set.of(EXTENSION),
            "branches on which `auto` runs everything, so their history stays complete (`*` stays within one path segment)");
    public static final Setting<String> BASE_REF = new Setting<>(
            "ard.baseRef",
            TEXT,
            Default.none(),
            Set.of(EXTENSION, SELECT),
            "revision to compare with (a sha, `origin/main`, `HEAD~1`); else the CI's PR base, else the last green build of"
                    + " the branch");
    public static final Setting<List<String>> MUST_RUN = new Setting<>(
            "ard.mustRun",
            LIST,
            Default.none(),
            Set.of(EXTENSION, SELECT),
            "test-class globs that always run: `*SmokeTest` (simple name), `com.x.*IT`, `com.x.**`");
    public static final Setting<List<String>> IGNORED_CHANGES = new Setting<>(
            "ard.ignoredChanges",
            LIST,
            Default.value(DEFAULT_IGNORED_CHANGES),
            Set.of(EXTENSION, SELECT),
            "changed files (outside source/resource roots) that never make tests run");
    public static final Setting<Boolean> EXPLAIN = new Setting<>(
            "ard.explain",
            FLAG,
            Default.value("false"),
            Set.of(EXTENSION, VERIFY_DEPENDENCIES),
            "log every test class's decision and its reason (`ard:verify-dependencies`: every artifact's verdict)");
    public static final Setting<Shard> SHARD = new Setting<>(
            "ard.shard",
            new ValueType.ShardOfRun(),
            Default.computed("env `CI_NODE_INDEX`/`CI_NODE_TOTAL` (GitLab `parallel:`), else none"),
            Set.of(EXTENSION, SELECT),
            "run shard `i/n` (1-based) of the selected test classes, split across modules by recorded durations (see"
                    + " *CI shards*); `ard:select` also takes `all/n` (the whole partition); a malformed value fails the"
                    + " build");
    public static final Setting<java.time.Duration> SHARD_CLOCK_MARGIN = new Setting<>(
            "ard.shard.clockMargin",
            new ValueType.TimeSpan(),
            Default.value("1m"),
            Set.of(EXTENSION),
            "the shards of a run read the store as it was this long before the first of them started: a build another"
                    + " machine finishes meanwhile, its clock behind by less, is seen by no shard");
    public static final Setting<String> RUN = new Setting<>(
            "ard.run",
            TEXT,
            Default.computed("the CI's run id: GitHub `GITHUB_RUN_ID`-`GITHUB_RUN_ATTEMPT`, GitLab `CI_PIPELINE_ID`,"
                    + " Jenkins `BUILD_TAG`"),
            Set.of(EXTENSION, SELECT),
            "the id that ties the shards of one CI run together: they read the store as of one snapshot, and"
                    + " `ard:stats` lists them as one run; `ard:select` reads that run's snapshot");
    public static final Setting<List<String>> CHANGED = new Setting<>(
            "ard.changed",
            LIST,
            Default.none(),
            Set.of(SELECT),
            "the changed files to select for, from the build's root (instead of the working tree's changes); `path:from-to`"
                    + " (or `path:line`) names changed lines of the new file: a change inside method bodies selects"
                    + " only the tests that may call them");
    public static final Setting<Path> CHANGE_SETS = new Setting<>(
            "ard.changeSets",
            PATH,
            Default.none(),
            Set.of(SELECT),
            "a file with one comma-separated change set per line (blank lines and `#` comments skipped)");
    public static final Setting<String> QUARANTINE = new Setting<>(
            "ard.quarantine",
            TEXT,
            Default.value(QuarantineFile.DEFAULT_PATH),
            Set.of(EXTENSION),
            "the quarantine file, from the build's root: its test classes run, but their failures do not fail the build"
                    + " until the entry expires (see *Quarantine*); `none` switches quarantine off");
    public static final Setting<Boolean> SBOM = new Setting<>(
            "ard.sbom",
            FLAG,
            Default.value("false"),
            Set.of(EXTENSION),
            "`true`: every module runs cyclonedx-maven-plugin `makeBom` (see *Provenance and SBOM*)");
    public static final Setting<String> SBOM_VERSION = new Setting<>(
            "ard.sbom.version",
            TEXT,
            Default.value(DEFAULT_SBOM_VERSION),
            Set.of(EXTENSION),
            "the cyclonedx-maven-plugin version `ard.sbom` adds (when the POM names none)");

    // --- the telemetry store (the extension and every goal that reads it) ---

    public static final Setting<String> STORE = new Setting<>(
            StoreConfigResolver.STORE_PROPERTY,
            TEXT,
            Default.computed("env `ARD_STORE`, else `<root>/.ard/telemetry.db`"),
            STORE_USERS,
            "a SQLite file path, or a JDBC URL: `jdbc:sqlite:…` or `jdbc:postgresql://host:5432/db`");
    public static final Setting<String> STORE_SERVER = new Setting<>(
            StoreConfigResolver.SERVER_PROPERTY,
            TEXT,
            Default.none(),
            STORE_USERS,
            "id of a settings.xml `<server>` whose username/password (decrypted, Maven password encryption supported) log in"
                    + " to the store");
    public static final Setting<Boolean> STRICT = new Setting<>(
            "ard.strict",
            FLAG,
            Default.value("false"),
            Set.of(EXTENSION, PROVENANCE),
            "`true`: any ARD fault fails the build instead of logging one warning (`ard:provenance`: a file that cannot be"
                    + " hashed)");

    // --- ard:stats ---

    public static final Setting<Long> STATS_BUILDS = new Setting<>(
            "ard.stats.builds",
            new ValueType.WholeNumber(1),
            Default.value("10"),
            Set.of(STATS),
            "how many of the most recent builds to list");
    public static final Setting<Long> STATS_LIMIT = new Setting<>(
            "ard.stats.limit",
            new ValueType.WholeNumber(1),
            Default.value("10"),
            Set.of(STATS),
            "rows in each test table (slowest, failing, flaky)");
    public static final Setting<Long> STATS_WINDOW = new Setting<>(
            "ard.stats.window",
            new ValueType.WholeNumber(1),
            Default.value("50"),
            Set.of(STATS),
            "how many of the most recent builds the test tables cover");
    public static final Setting<String> FORMAT = new Setting<>(
            "ard.format",
            new ValueType.Choice(List.of("text", "json")),
            Default.value("text"),
            Set.of(STATS),
            "`json` prints one JSON document on standard output (use `mvn -q`)");
    public static final Setting<Path> STATS_OUTPUT = new Setting<>(
            "ard.stats.output",
            PATH,
            Default.none(),
            Set.of(STATS),
            "writes the report to this file instead of the log or standard output");

    // --- ard:report ---

    public static final Setting<Long> REPORT_DAYS = new Setting<>(
            "ard.report.days",
            new ValueType.WholeNumber(1),
            Default.value("90"),
            Set.of(REPORT),
            "how many days back the report looks");
    public static final Setting<Long> REPORT_BUILDS = new Setting<>(
            "ard.report.builds",
            new ValueType.WholeNumber(1),
            Default.value("2000"),
            Set.of(REPORT),
            "at most this many of the newest builds in the report");
    public static final Setting<Path> REPORT_OUTPUT = new Setting<>(
            "ard.report.output",
            PATH,
            Default.computed("`<root>/target/ard/report/index.html`"),
            Set.of(REPORT),
            "the report file");

    // --- ard:quarantine ---

    public static final Setting<Double> QUARANTINE_THRESHOLD = new Setting<>(
            "ard.quarantine.threshold",
            new ValueType.Decimal(0, 1),
            Default.value("0.05"),
            Set.of(Scope.QUARANTINE),
            "propose a test class whose flakiness rate (reruns that passed and commits with both outcomes, over its runs)"
                    + " is at least this");
    public static final Setting<Long> QUARANTINE_MIN_RUNS = new Setting<>(
            "ard.quarantine.minRuns",
            new ValueType.WholeNumber(1),
            Default.value("20"),
            Set.of(Scope.QUARANTINE),
            "and that ran at least this many times in the window");
    public static final Setting<Long> QUARANTINE_WINDOW = new Setting<>(
            "ard.quarantine.window",
            new ValueType.WholeNumber(1),
            Default.value("500"),
            Set.of(Scope.QUARANTINE),
            "how many of the newest builds the proposal looks at");
    public static final Setting<Long> QUARANTINE_DAYS = new Setting<>(
            "ard.quarantine.days",
            new ValueType.WholeNumber(1),
            Default.value("30"),
            Set.of(Scope.QUARANTINE),
            "a proposed entry expires this many days from today");
    public static final Setting<String> QUARANTINE_OWNER = new Setting<>(
            "ard.quarantine.owner",
            TEXT,
            Default.value("unassigned"),
            Set.of(Scope.QUARANTINE),
            "the owner written into proposed entries");

    // --- ard:train and ard:evaluate ---

    public static final Setting<Long> TRAIN_BUILDS = new Setting<>(
            "ard.train.builds",
            new ValueType.WholeNumber(1),
            Default.value(DEFAULT_TRAIN_BUILDS),
            Set.of(TRAIN, EVALUATE),
            "how many of the store's newest builds to learn from (or replay)");
    public static final Setting<Long> TRAIN_MIN_BUILDS = new Setting<>(
            "ard.train.minBuilds",
            new ValueType.WholeNumber(1),
            Default.value(DEFAULT_TRAIN_MIN_BUILDS),
            Set.of(TRAIN, EVALUATE),
            "the fewest builds a model is trained on");
    public static final Setting<String> TRAIN_BRANCH = new Setting<>(
            "ard.train.branch",
            TEXT,
            Default.none(),
            Set.of(TRAIN),
            "train on this branch's builds only (default: every branch)");
    public static final Setting<Path> HISTORY = new Setting<>(
            "ard.history",
            PATH,
            Default.none(),
            Set.of(EVALUATE),
            "a folder of CSV or JUnit-XML builds to evaluate instead of the store");
    public static final Setting<Long> EVALUATE_RETRAIN_EVERY = new Setting<>(
            "ard.evaluate.retrainEvery",
            new ValueType.WholeNumber(1),
            Default.value("25"),
            Set.of(EVALUATE),
            "retrain the replayed model after every this many builds");
    public static final Setting<Long> EVALUATE_SEED = new Setting<>(
            "ard.evaluate.seed",
            new ValueType.WholeNumber(Long.MIN_VALUE),
            Default.value("42"),
            Set.of(EVALUATE),
            "seed of the random baseline");
    public static final Setting<Path> EVALUATE_OUTPUT = new Setting<>(
            "ard.evaluate.output",
            PATH,
            Default.computed("`<root>/target/ard`"),
            Set.of(EVALUATE),
            "where `evaluation.json` and `evaluation.html` go");

    // --- ard:provenance ---

    public static final Setting<Boolean> PROVENANCE_SKIP = new Setting<>(
            "ard.provenance.skip", FLAG, Default.value("false"), Set.of(PROVENANCE), "no statement for this module");
    public static final Setting<Boolean> PROVENANCE_REQUIRE_CLEAN = new Setting<>(
            "ard.provenance.requireClean",
            FLAG,
            Default.value("false"),
            Set.of(PROVENANCE),
            "fail when the working tree is dirty or not a git repository");
    public static final Setting<List<String>> PROVENANCE_PROPERTIES = new Setting<>(
            "ard.provenance.properties",
            LIST,
            Default.value(DEFAULT_PROVENANCE_PROPERTIES),
            Set.of(PROVENANCE),
            "`-D` properties recorded (names or `prefix*`, `*` for all); secret-looking names are always dropped");
    public static final Setting<Boolean> PROVENANCE_PLUGIN_DEPENDENCIES = new Setting<>(
            "ard.provenance.pluginDependencies",
            FLAG,
            Default.value("true"),
            Set.of(PROVENANCE),
            "list the jars on each plugin's class path");
    public static final Setting<Boolean> PROVENANCE_REACTOR = new Setting<>(
            "ard.provenance.reactor", FLAG, Default.value("true"), Set.of(PROVENANCE), "write the reactor statement");
    public static final Setting<Path> PROVENANCE_OUTPUT = new Setting<>(
            "ard.provenance.outputDirectory",
            PATH,
            Default.value("${project.build.directory}/ard"),
            Set.of(PROVENANCE),
            "where statements go");
    public static final Setting<Path> PROVENANCE_SELECTION_FILE = new Setting<>(
            "ard.provenance.selectionFile",
            PATH,
            Default.value("${project.build.directory}/ard/selection.json"),
            Set.of(PROVENANCE),
            "the test-selection record the extension wrote; absent means mode `none`");

    // --- ard:sign and ard:verify ---

    public static final Setting<String> SIGN_MODE = new Setting<>(
            "ard.sign.mode",
            new ValueType.Choice(List.of("key", "keyless", "off", "auto")),
            Default.value("auto"),
            Set.of(SIGN),
            "`key` (offline, a PEM key), `keyless` (Sigstore, CI), `off`, or `auto`");
    public static final Setting<String> SIGN_KEY = new Setting<>(
            "ard.sign.key",
            TEXT,
            Default.computed("env `ARD_SIGN_KEY`"),
            Set.of(SIGN, VERIFY),
            "path of the ECDSA P-256 private key (PEM: PKCS#8, encrypted PKCS#8 or SEC1); `ard:verify`'s gate checks"
                    + " against its public half");
    public static final Setting<String> SIGN_SERVER = new Setting<>(
            "ard.sign.server",
            TEXT,
            Default.none(),
            Set.of(SIGN, VERIFY),
            "id of a settings.xml `<server>` whose (Maven-encrypted) password unlocks the key; env `ARD_SIGN_KEY_PASSWORD` wins");
    public static final Setting<Path> SIGN_TRUSTED_ROOT = new Setting<>(
            "ard.sign.trustedRoot",
            PATH,
            Default.none(),
            Set.of(SIGN),
            "keyless: a pinned `trusted_root.json` (a private Sigstore instance); default: the public-good instance via TUF");
    public static final Setting<Path> SIGN_SIGNING_CONFIG = new Setting<>(
            "ard.sign.signingConfig",
            PATH,
            Default.none(),
            Set.of(SIGN),
            "keyless: the `signing_config.json` naming Fulcio, Rekor and TSA; required with `ard.sign.trustedRoot`");
    public static final Setting<Boolean> SIGN_STAGING = new Setting<>(
            "ard.sign.staging",
            FLAG,
            Default.value("false"),
            Set.of(SIGN),
            "keyless: use Sigstore's staging instance (testing only)");
    public static final Setting<Path> SIGN_PROVENANCE = new Setting<>(
            "ard.sign.provenance",
            PATH,
            Default.value("${project.build.directory}/ard/${project.artifactId}-${project.version}.provenance.json"),
            Set.of(SIGN),
            "the statement `ard:provenance` wrote; signed as DSSE when it exists");
    public static final Setting<Path> SIGN_OUTPUT = new Setting<>(
            "ard.sign.outputDirectory",
            PATH,
            Default.value("${project.build.directory}/ard/sigstore"),
            Set.of(SIGN),
            "where the bundles are written before they are attached");
    public static final Setting<Boolean> SIGN_SKIP =
            new Setting<>("ard.sign.skip", FLAG, Default.value("false"), Set.of(SIGN), "skips signing this module");
    public static final Setting<String> VERIFY_ARTIFACT = new Setting<>(
            "ard.verify.artifact",
            TEXT,
            Default.none(),
            Set.of(VERIFY),
            "standalone: the artifact file, or its digest as `sha256:<hex>` (the project, if any, is then ignored)");
    public static final Setting<Path> VERIFY_BUNDLE = new Setting<>(
            "ard.verify.bundle",
            PATH,
            Default.computed("`<artifact>.sigstore.json`"),
            Set.of(VERIFY),
            "standalone: the bundle");
    public static final Setting<Path> VERIFY_KEY = new Setting<>(
            "ard.verify.key",
            PATH,
            Default.computed("the public half of `ard.sign.key`"),
            Set.of(VERIFY),
            "PEM public key the bundles must be signed with (key mode)");
    public static final Setting<String> VERIFY_IDENTITY = new Setting<>(
            "ard.verify.identity",
            TEXT,
            Default.none(),
            Set.of(VERIFY),
            "keyless: the certificate identity (SAN: e-mail or workflow URI)");
    public static final Setting<String> VERIFY_ISSUER = new Setting<>(
            "ard.verify.issuer",
            TEXT,
            Default.none(),
            Set.of(VERIFY),
            "keyless: the OIDC issuer, e.g. `https://token.actions.githubusercontent.com`");
    public static final Setting<Boolean> VERIFY_REGEX = new Setting<>(
            "ard.verify.regex",
            FLAG,
            Default.value("false"),
            Set.of(VERIFY),
            "keyless: match identity and issuer as regular expressions instead of exactly");
    public static final Setting<Path> TRUSTED_ROOT = new Setting<>(
            "ard.trustedRoot",
            PATH,
            Default.none(),
            Set.of(VERIFY, VERIFY_DEPENDENCIES),
            "the pinned `trusted_root.json` (offline); keyless without it: the public-good root via TUF; with a key: the"
                    + " bundle's transparency-log entry must verify against its Rekor keys too");
    public static final Setting<String> VERIFY_SOURCE_REPO = new Setting<>(
            "ard.verify.sourceRepo",
            TEXT,
            Default.none(),
            Set.of(VERIFY),
            "expected source repository in the provenance, e.g. `https://github.com/o/r` (unset: not checked)");
    public static final Setting<String> VERIFY_BUILDER_ID = new Setting<>(
            "ard.verify.builderId",
            TEXT,
            Default.none(),
            Set.of(VERIFY),
            "expected builder id in the provenance, exact or exact up to its `@ref` (unset: not checked)");
    public static final Setting<Boolean> VERIFY_REQUIRE_PROVENANCE = new Setting<>(
            "ard.verify.requireProvenance",
            FLAG,
            Default.value("false"),
            Set.of(VERIFY),
            "gate: the provenance bundle must be present (else checked when present)");
    public static final Setting<Boolean> VERIFY_SKIP =
            new Setting<>("ard.verify.skip", FLAG, Default.value("false"), Set.of(VERIFY), "skips verification");

    // --- what the build consumes (ard:verify-dependencies) ---

    public static final Setting<Boolean> VERIFY_DEPENDENCIES_ON = new Setting<>(
            "ard.verifyDependencies",
            FLAG,
            Default.value("false"),
            Set.of(EXTENSION),
            "the extension runs `ard:verify-dependencies` once, before the first module's `validate`");
    public static final Setting<String> TRUST_POLICY = new Setting<>(
            "ard.trust.policy",
            TEXT,
            Default.value(".mvn/ard-trust.json"),
            Set.of(VERIFY_DEPENDENCIES),
            "the trust policy, from the build's root: who may sign which artifacts, what a missing bundle means (none:"
                    + " any signer that verifies, missing warns)");
    public static final Setting<String> TRUST_LOCK = new Setting<>(
            "ard.trust.lock",
            TEXT,
            Default.value(".mvn/ard-trust.lock"),
            Set.of(VERIFY_DEPENDENCIES),
            "the trust lock, from the build's root: sha256 and signer per artifact, checked when present");
    public static final Setting<Boolean> TRUST_UPDATE = new Setting<>(
            "ard.trust.update",
            FLAG,
            Default.value("false"),
            Set.of(VERIFY_DEPENDENCIES),
            "rewrite the trust lock from what this build consumes (when nothing fails the policy)");
    public static final Setting<Boolean> VERIFY_DEPENDENCIES_SKIP = new Setting<>(
            "ard.verifyDependencies.skip",
            FLAG,
            Default.value("false"),
            Set.of(VERIFY_DEPENDENCIES),
            "skips dependency verification");

    private static final List<Setting<?>> ALL = List.of(
            SELECTION,
            SELECTION_TIMEOUT,
            TIME_BUDGET,
            TARGET_RECALL,
            TRAIN_EVERY,
            FULL_BRANCHES,
            BASE_REF,
            MUST_RUN,
            IGNORED_CHANGES,
            EXPLAIN,
            SHARD,
            SHARD_CLOCK_MARGIN,
            RUN,
            CHANGED,
            CHANGE_SETS,
            QUARANTINE,
            SBOM,
            SBOM_VERSION,
            STORE,
            STORE_SERVER,
            STRICT,
            STATS_BUILDS,
            STATS_LIMIT,
            STATS_WINDOW,
            FORMAT,
            STATS_OUTPUT,
            REPORT_DAYS,
            REPORT_BUILDS,
            REPORT_OUTPUT,
            QUARANTINE_THRESHOLD,
            QUARANTINE_MIN_RUNS,
            QUARANTINE_WINDOW,
            QUARANTINE_DAYS,
            QUARANTINE_OWNER,
            TRAIN_BUILDS,
            TRAIN_MIN_BUILDS,
            TRAIN_BRANCH,
            HISTORY,
            EVALUATE_RETRAIN_EVERY,
            EVALUATE_SEED,
            EVALUATE_OUTPUT,
            PROVENANCE_SKIP,
            PROVENANCE_REQUIRE_CLEAN,
            PROVENANCE_PROPERTIES,
            PROVENANCE_PLUGIN_DEPENDENCIES,
            PROVENANCE_REACTOR,
            PROVENANCE_OUTPUT,
            PROVENANCE_SELECTION_FILE,
            SIGN_MODE,
            SIGN_KEY,
            SIGN_SERVER,
            SIGN_TRUSTED_ROOT,
            SIGN_SIGNING_CONFIG,
            SIGN_STAGING,
            SIGN_PROVENANCE,
            SIGN_OUTPUT,
            SIGN_SKIP,
            VERIFY_ARTIFACT,
            VERIFY_BUNDLE,
            VERIFY_KEY,
            VERIFY_IDENTITY,
            VERIFY_ISSUER,
            VERIFY_REGEX,
            TRUSTED_ROOT,
            VERIFY_SOURCE_REPO,
            VERIFY_BUILDER_ID,
            VERIFY_REQUIRE_PROVENANCE,
            VERIFY_SKIP,
            VERIFY_DEPENDENCIES_ON,
            TRUST_POLICY,
            TRUST_LOCK,
            TRUST_UPDATE,
            VERIFY_DEPENDENCIES_SKIP);

    private static final Map<String, Setting<?>> BY_NAME = byName();

    private SettingsCatalog() {}

    /** Every setting, in README order. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    public static Optional<Setting<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Setting<?>> byName() {
        Map<String, Setting<?>> byName = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            if (byName.put(setting.name(), setting) != null) {
                throw new IllegalStateException("two settings named " + setting.name());
            }
        }
        return Map.copyOf(byName);
    }
}
