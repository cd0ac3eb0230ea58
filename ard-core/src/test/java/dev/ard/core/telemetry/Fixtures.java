package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Telemetry to write in tests. Times are whole milliseconds: the store keeps epoch millis. */
final class Fixtures {
    private Fixtures() {}

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    /** Names no naive SQL or JSON handling survives. */
    static final String QUOTES = "it's \"quoted\" \\back\\slash\\ ; DROP TABLE build; --";

    static final String UNICODE = "größe_über_日本語_Ωmega";
    static final String EMOJI = "emoji 🚀🔥 and a ZWJ family 👩‍👩‍👧 \t tab";
    static final ToolVersions TOOLS = new ToolVersions("3.9.16", "17", "Linux");

    /** A build with every field set, hostile names everywhere. */
    static BuildTelemetry fullBuild(String id) {
        Instant start = T0;
        BuildRecord build = new BuildRecord(
                id,
                start,
                start.plusMillis(93_456),
                List.of("clean", "verify", "-Dname=" + QUOTES),
                new Checkout(
                        "/work/ä project/" + EMOJI.substring(0, 8),
                        "0123456789abcdef0123456789abcdef01234567",
                        "feature/ü-🚀-'x'",
                        true),
                new CiRun("github", "https://github.com/acme/app/actions/runs/1?x=\"y\"", "1-2 'ü'", "2/4"),
                new ToolVersions("3.9.16", "17.0.15", "Linux 6.1 amd64"),
                RecordedMode.ALL,
                BuildResult.FAILURE);
        List<Change> changes = List.of(
                new Change("src/main/java/" + UNICODE + ".java", "MODIFIED"),
                new Change("docs/" + QUOTES + ".md", "ADDED"),
                new Change("old/" + EMOJI, "DELETED"));
        List<ModuleRun> runs = List.of(
                new ModuleRun("com.acme:core", "surefire", "default-test", "reporter", 12_345, null),
                new ModuleRun(
                        "com.acme:it-" + UNICODE,
                        "failsafe",
                        "integration-test",
                        "xml",
                        999,
                        "reporter not added: " + QUOTES));
        List<TestResult> tests = List.of(
                new TestResult(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme." + UNICODE + "Test",
                        QUOTES,
                        12,
                        Outcome.PASSED,
                        0,
                        false,
                        null,
                        null),
                new TestResult(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme.EmojiTest",
                        EMOJI,
                        345,
                        Outcome.FAILED,
                        2,
                        false,
                        "org.opentest4j.AssertionFailedError",
                        "fp-" + EMOJI),
                new TestResult(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme.EmojiTest",
                        "[1] " + UNICODE,
                        7,
                        Outcome.PASSED,
                        1,
                        true,
                        "java.io.IOException",
                        "fp-flaky"),
                new TestResult(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme.EmojiTest",
                        "errs()",
                        1,
                        Outcome.ERROR,
                        0,
                        false,
                        "java.lang.IllegalStateException",
                        "fp-err"),
                new TestResult(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme.SkipTest",
                        "skipped",
                        0,
                        Outcome.SKIPPED,
                        0,
                        false,
                        null,
                        null),
                new TestResult(
                        "com.acme:it-" + UNICODE,
                        "failsafe",
                        "integration-test",
                        "com.acme.SlowIT",
                        "notSelected",
                        0,
                        Outcome.SKIPPED_BY_SELECTION,
                        0,
                        false,
                        null,
                        null));
        List<MojoTiming> mojos = List.of(
                new MojoTiming(
                        "com.acme:core",
                        "org.apache.maven.plugins:maven-compiler-plugin:3.14.0",
                        "compile",
                        "default-compile",
                        start.plusMillis(10),
                        4_321,
                        true),
                new MojoTiming(
                        "com.acme:core",
                        "org.apache.maven.plugins:maven-surefire-plugin:3.5.4",
                        "test",
                        "default-test",
                        start.plusMillis(5_000),
                        12_400,
                        false));
        List<SelectionEntry> selections = List.of(
                new SelectionEntry(
                        "com.acme:it-" + UNICODE,
                        "failsafe",
                        "integration-test",
                        "com.acme.SlowIT",
                        false,
                        "no changed class in its dependencies"),
                new SelectionEntry(
                        "com.acme:core",
                        "surefire",
                        "default-test",
                        "com.acme.EmojiTest",
                        true,
                        "depends on com.acme." + UNICODE + " (changed: " + QUOTES + "), 2 hops"));
        List<ImpactFact> impacts = List.of(
                new ImpactFact("dev.ard:app", "com.acme.AppTest", true, 2, 1),
                new ImpactFact("dev.ard:app", "com.acme.OtherTest", false, -1, 0));
        return new BuildTelemetry(build, changes, runs, tests, mojos, selections, impacts);
    }

    /** A build with every optional field null and no rows. */
    static BuildTelemetry sparseBuild(String id, Instant start) {
        return new BuildTelemetry(
                new BuildRecord(
                        id,
                        start,
                        null,
                        List.of(),
                        Checkout.outsideGit(null),
                        CiRun.LOCAL,
                        new ToolVersions(null, null, null),
                        null,
                        null),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** A small build as a writer process makes it: {@code tests} passing tests of one class. */
    static BuildTelemetry smallBuild(String id, Instant start, int tests) {
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < tests; i++) {
            results.add(new TestResult(
                    "com.acme:core",
                    "surefire",
                    "default-test",
                    "com.acme.Load" + (i % 3) + "Test",
                    "m" + i + "_" + EMOJI,
                    i,
                    Outcome.PASSED,
                    0,
                    false,
                    null,
                    null));
        }
        BuildRecord build = new BuildRecord(
                id,
                start,
                start.plusSeconds(1),
                List.of("verify"),
                new Checkout("/work/x", "abc", "main", false),
                CiRun.LOCAL,
                TOOLS,
                RecordedMode.ALL,
                BuildResult.SUCCESS);
        return new BuildTelemetry(build, List.of(new Change("a.txt", "MODIFIED")), List.of(), results, List.of());
    }

    static TestResult result(
            String module, String cls, String method, long ms, Outcome outcome, boolean flaky, String fingerprint) {
        return new TestResult(
                module,
                "surefire",
                "default-test",
                cls,
                method,
                ms,
                outcome,
                flaky ? 1 : 0,
                flaky,
                fingerprint == null ? null : "java.lang.AssertionError",
                fingerprint);
    }

    static BuildTelemetry buildWith(String id, Instant start, TestResult... tests) {
        BuildRecord build = new BuildRecord(
                id,
                start,
                start.plusSeconds(60),
                List.of("verify"),
                new Checkout("/work/x", "c-" + id, "main", false),
                CiRun.LOCAL,
                TOOLS,
                RecordedMode.ALL,
                BuildResult.SUCCESS);
        return new BuildTelemetry(build, List.of(), List.of(), List.of(tests), List.of());
    }
}
