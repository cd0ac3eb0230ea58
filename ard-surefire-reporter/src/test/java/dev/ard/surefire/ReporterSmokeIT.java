package dev.ard.surefire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds {@code src/test/projects/reporter-smoke} with real Maven (this repository's wrapper) and a
 * real Surefire of each supported line, the reporter configured as ARD's extension configures it, and
 * checks the results file against the {@code TEST-*.xml} files Surefire wrote in the same run.
 *
 * <p>The sample build uses an isolated local repository ({@code target/it-repo}, where the invoker
 * plugin installed this jar in pre-integration-test) and reads everything else from the user's local
 * repository through {@code it-settings.xml}, so nothing is installed into {@code ~/.m2}.
 */
class ReporterSmokeIT {
    private static final String PKG = "com.example.smoke.";
    private static final long TIMEOUT_MINUTES = 4;

    private final Path moduleDir = Path.of("").toAbsolutePath();

    @ParameterizedTest(name = "Surefire {0}")
    @ValueSource(strings = {"3.2.5", "3.5.4", "3.6.0"})
    void realSurefireWritesEveryAttemptWithTheXmlNames(String surefireVersion) throws Exception {
        Path project = copyProject("reporter-smoke", surefireVersion);

        runMaven(project, surefireVersion);

        Path results = project.resolve("target/ard/surefire-default-test.jsonl");
        assertThat(results).isRegularFile();
        assertThat(results.resolveSibling(results.getFileName() + ResultsFile.FAILED_MARKER_SUFFIX))
                .doesNotExist();
        List<Map<String, Object>> lines = Files.readAllLines(results, UTF_8).stream()
                .map(MiniJson::parseObject)
                .toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.get("v")).isEqualTo(1L));

        Map<String, List<Map<String, Object>>> attempts = byTestCase(lines);
        List<JUnitXml.TestCase> xml = readXmlReports(project.resolve("target/surefire-reports"));
        assertThat(attempts.keySet())
                .as("the same test cases as TEST-*.xml")
                .containsExactlyInAnyOrderElementsOf(
                        xml.stream().map(c -> key(c.className(), c.name())).toList());
        for (JUnitXml.TestCase testCase : xml) {
            assertMatchesXml(testCase, attempts.get(key(testCase.className(), testCase.name())));
        }

        assertThat(kinds(attempts, PKG + "PassingTest", "passes")).containsExactly("SUCCESS");
        assertThat(kinds(attempts, PKG + "SkippedTest", "skipped")).containsExactly("SKIPPED");
        assertThat(kinds(attempts, PKG + "FlakyTest", "flaky")).containsExactly("FAILURE", "SUCCESS");
        assertThat(kinds(attempts, PKG + "FailingTest", "fails")).containsExactly("FAILURE", "FAILURE", "FAILURE");
        assertThat(kinds(attempts, PKG + "FailingTest", "errors")).containsExactly("ERROR", "ERROR", "ERROR");
        assertThat(attempts.get(key(PKG + "FailingTest", "fails")))
                .allSatisfy(a -> assertThat(a.get("failureType")).isEqualTo("org.opentest4j.AssertionFailedError"))
                .allSatisfy(
                        a -> assertThat((String) a.get("trace"))
                                .startsWith(
                                        "org.opentest4j.AssertionFailedError: always \"wrong\" ✗ ==> expected: <3> but was: <2>"));
        assertThat(attempts.get(key(PKG + "FailingTest", "errors")))
                .allSatisfy(a -> assertThat(a.get("failureType")).isEqualTo("java.lang.IllegalStateException"))
                .allSatisfy(a -> assertThat((String) a.get("trace"))
                        .startsWith("java.lang.IllegalStateException: broken <state> & more"));
        // NamedTest: a display name, a nested class and two parameterized runs, all passing; their names
        // differ between Surefire versions, and the loop above checked them against the XML.
        List<String> plainClasses = Stream.of("PassingTest", "SkippedTest", "FlakyTest", "FailingTest")
                .map(simpleName -> PKG + simpleName)
                .toList();
        assertThat(lines.stream().filter(l -> !plainClasses.contains(l.get("class"))))
                .hasSize(4)
                .allSatisfy(l -> assertThat(l.get("kind")).isEqualTo("SUCCESS"));
        assertThat(lines).hasSize(1 + 1 + 2 + 3 + 3 + 4);
    }

    /** The attempts of one XML testcase: names, time and every failure element's type and text. */
    private static void assertMatchesXml(JUnitXml.TestCase testCase, List<Map<String, Object>> attempts) {
        boolean flaky = testCase.problems().stream().anyMatch(p -> p.tag().startsWith("flaky"));
        Map<String, Object> timed = flaky
                ? attempts.stream()
                        .filter(a -> "SUCCESS".equals(a.get("kind")))
                        .findFirst()
                        .orElseThrow()
                : attempts.get(0);
        assertThat(timed.get("durationMs")).as("time of %s", testCase).isEqualTo(testCase.timeMs());

        List<JUnitXml.Problem> failures = testCase.problems().stream()
                .filter(p -> !p.tag().equals("skipped"))
                .toList();
        List<Map<String, Object>> failedAttempts = attempts.stream()
                .filter(a -> "FAILURE".equals(a.get("kind")) || "ERROR".equals(a.get("kind")))
                .toList();
        assertThat(failedAttempts).as("failed attempts of %s", testCase).hasSameSizeAs(failures);
        for (int i = 0; i < failures.size(); i++) {
            assertThat(failedAttempts.get(i).get("failureType"))
                    .isEqualTo(failures.get(i).type());
            assertThat(failedAttempts.get(i).get("trace"))
                    .isEqualTo(failures.get(i).text());
            assertThat(failedAttempts.get(i).get("kind"))
                    .isEqualTo(failures.get(i).tag().toLowerCase(Locale.ROOT).endsWith("error") ? "ERROR" : "FAILURE");
        }
        boolean skipped = testCase.problems().stream().anyMatch(p -> p.tag().equals("skipped"));
        assertThat(attempts.stream().anyMatch(a -> "SKIPPED".equals(a.get("kind"))))
                .isEqualTo(skipped);
    }

    private Path copyProject(String name, String surefireVersion) throws IOException {
        Path source = moduleDir.resolve("src/test/projects").resolve(name);
        Path target = moduleDir.resolve("target/it-projects").resolve(name + "-" + surefireVersion);
        deleteRecursively(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        // Its own .mvn directory makes it its own Maven root: nothing from this repository's .mvn applies.
        Files.createDirectories(target.resolve(".mvn"));
        return target;
    }

    private void runMaven(Path project, String surefireVersion) throws IOException, InterruptedException {
        Path root = Path.of(required("ard.it.rootDir"));
        Path userRepo = Path.of(required("ard.it.userRepo"));
        List<String> command = new ArrayList<>(List.of(
                root.resolve("mvnw").toString(),
                "-B",
                "-ntp",
                "-s",
                moduleDir.resolve("src/test/projects/it-settings.xml").toString(),
                "-Dmaven.repo.local=" + required("ard.it.localRepo"),
                "-Dard.it.userRepoUrl=" + userRepo.toUri(),
                "-Dsurefire.version=" + surefireVersion,
                "-Dard.reporter.version=" + required("ard.it.projectVersion")));
        boolean offline = "offline=true".equals(System.getProperty("ard.it.offline"));
        if (offline) {
            // Offline, Maven still may read the file:// repository that is the user's local repository.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.add("test");
        Path log = project.resolve("build.log");
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("Maven did not finish in %d minutes, see %s", TIMEOUT_MINUTES, log);
        }
        if (process.exitValue() != 0) {
            List<String> output = Files.readAllLines(log, UTF_8);
            boolean missingOffline = output.stream().anyMatch(l -> l.contains("in offline mode and the artifact"));
            // Offline (-o) the sample build can only use what this machine already downloaded.
            assumeFalse(
                    offline && missingOffline,
                    "Surefire " + surefireVersion + " is not fully downloaded; run this IT online once (" + log + ")");
            fail(
                    "Maven exited with %d (see %s):%n%s",
                    process.exitValue(),
                    log,
                    String.join("\n", output.subList(Math.max(0, output.size() - 60), output.size())));
        }
    }

    private static List<JUnitXml.TestCase> readXmlReports(Path reportsDir) throws IOException {
        List<JUnitXml.TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(reportsDir)) {
            List<Path> reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted()
                    .toList();
            assertThat(reports).as("TEST-*.xml in %s", reportsDir).isNotEmpty();
            for (Path report : reports) {
                cases.addAll(JUnitXml.read(report));
            }
        }
        return cases;
    }

    private static Map<String, List<Map<String, Object>>> byTestCase(List<Map<String, Object>> lines) {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (Map<String, Object> line : lines) {
            result.computeIfAbsent(key((String) line.get("class"), (String) line.get("method")), k -> new ArrayList<>())
                    .add(line);
        }
        return result;
    }

    private static List<Object> kinds(Map<String, List<Map<String, Object>>> attempts, String cls, String method) {
        List<Map<String, Object>> found = attempts.get(key(cls, method));
        assertThat(found)
                .as("attempts of %s#%s in %s", cls, method, attempts.keySet())
                .isNotNull();
        return found.stream().map(a -> a.get("kind")).toList();
    }

    private static String key(String cls, String method) {
        return cls + "#" + method;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value)
                .as("system property %s (set by the failsafe configuration)", property)
                .isNotBlank();
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
