package dev.ard.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ard.core.telemetry.WriteOutcome.Status;
import dev.ard.core.telemetry.store.SpoolDirectory;
import dev.ard.core.telemetry.store.TelemetryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON of {@code .ard/pending/*.json}: a build record stays one flat object with its stored strings, so spools
 * written before the record had typed parts still flush, and what this version spools reads the same way.
 */
class SpoolFormatTest {

    /** A spool file exactly as ARD wrote it while {@code BuildRecord} had 15 flat components. */
    private static final String FLAT_SPOOL = """
            {"v":1,"telemetry":{
              "build":{"id":"old-1","startedAt":"2026-03-01T10:15:30.123Z","finishedAt":"2026-03-01T10:16:30.123Z",
                "rootDir":"/work/app","commit":"0123456789abcdef0123456789abcdef01234567","branch":"feature/x","dirty":true,
                "ciProvider":"github","ciBuildUrl":"https://ci/run/1","goals":["clean","verify"],
                "mavenVersion":"3.9.16","javaVersion":"17.0.15","os":"Linux 6.1 (amd64)","mode":"safe","result":"FAILURE"},
              "changes":[{"path":"core/src/main/java/a/A.java","kind":"MODIFIED"}],
              "moduleRuns":[{"module":"g:core","plugin":"surefire","executionId":"default-test","source":"reporter","durationMs":1200,"note":null}],
              "tests":[{"module":"g:core","plugin":"surefire","executionId":"default-test","className":"a.ATest","methodName":"works",
                "durationMs":12,"outcome":"FAILED","reruns":0,"flaky":false,"failureType":"java.lang.AssertionError","failureFingerprint":"f1"}],
              "mojos":[{"module":"g:core","plugin":"maven-surefire-plugin","goal":"test","executionId":"default-test",
                "startedAt":"2026-03-01T10:15:40Z","durationMs":1300,"succeeded":false}],
              "selections":[{"module":"g:core","plugin":"surefire","executionId":"default-test","className":"a.ATest","selected":true,
                "reason":"depends on a.A (changed: core/src/main/java/a/A.java), 1 hop"}]}}
            """;

    @TempDir
    Path tmp;

    private StoreConfig config() {
        return StoreConfig.sqlite(tmp.resolve("root"));
    }

    private Path spoolDir() {
        return tmp.resolve("root/.ard/pending");
    }

    @Test
    void aSpoolFileInTheFlatFormatIsWrittenOnTheNextGoodPublish() throws Exception {
        Files.createDirectories(spoolDir());
        Files.writeString(spoolDir().resolve("old-1.json"), FLAT_SPOOL);

        WriteOutcome outcome = TelemetryWriter.write(
                config(), Fixtures.sparseBuild("current", Fixtures.T0.plusSeconds(600)), spoolDir());

        assertThat(outcome).isEqualTo(new WriteOutcome(Status.WRITTEN, 1, null));
        assertThat(spoolDir()).isEmptyDirectory();
        BuildTelemetry stored;
        try (Connection c = new org.sqlite.JDBC().connect(config().jdbcUrl(), new Properties())) {
            stored = StoreRows.read(c, "old-1");
        }
        Instant start = Instant.parse("2026-03-01T10:15:30.123Z");
        assertThat(stored.build())
                .isEqualTo(new BuildRecord(
                        "old-1",
                        start,
                        start.plusSeconds(60),
                        List.of("clean", "verify"),
                        new Checkout("/work/app", "0123456789abcdef0123456789abcdef01234567", "feature/x", true),
                        new CiRun("github", "https://ci/run/1"),
                        new ToolVersions("3.9.16", "17.0.15", "Linux 6.1 (amd64)"),
                        RecordedMode.SAFE,
                        BuildResult.FAILURE));
        assertThat(stored.changes()).containsExactly(new Change("core/src/main/java/a/A.java", "MODIFIED"));
        assertThat(stored.tests()).extracting(TestResult::outcome).containsExactly(Outcome.FAILED);
        assertThat(stored.mojos()).hasSize(1);
        assertThat(stored.selections())
                .containsExactly(new SelectionEntry(
                        "g:core",
                        "surefire",
                        "default-test",
                        "a.ATest",
                        true,
                        "depends on a.A (changed: core/src/main/java/a/A.java), 1 hop"));
    }

    @Test
    void thisVersionSpoolsTheSameFlatFields() throws Exception {
        BuildTelemetry full = Fixtures.fullBuild("new-1");

        Path file = new SpoolDirectory(spoolDir()).spool(full);

        JsonNode build =
                TelemetryJson.mapper().readTree(file.toFile()).path("telemetry").path("build");
        JsonNode flat =
                TelemetryJson.mapper().readTree(FLAT_SPOOL).path("telemetry").path("build");
        List<String> names = List.copyOf(iterable(build.fieldNames()));
        // the flat fields of the first spool format, and the run and shard (added in schema v4) after them
        List<String> expected = new java.util.ArrayList<>(iterable(flat.fieldNames()));
        expected.addAll(List.of("runId", "shard"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(build.path("shard").asText()).isEqualTo("2/4");
        assertThat(build.path("mode").asText()).isEqualTo("all");
        assertThat(build.path("result").asText()).isEqualTo("FAILURE");
        assertThat(build.path("ciProvider").asText()).isEqualTo("github");
        assertThat(new SpoolDirectory(spoolDir()).readAll().builds())
                .extracting(SpoolDirectory.Spooled::telemetry)
                .containsExactly(full);
    }

    @Test
    void aModeOrResultThisVersionDoesNotKnowReadsAsNone() throws Exception {
        Files.createDirectories(spoolDir());
        Files.writeString(
                spoolDir().resolve("old-1.json"),
                FLAT_SPOOL.replace("\"safe\"", "\"turbo\"").replace("\"FAILURE\"", "\"ABORTED\""));

        SpoolDirectory.Contents contents = new SpoolDirectory(spoolDir()).readAll();

        assertThat(contents.problems()).isEmpty();
        BuildRecord build = contents.builds().get(0).telemetry().build();
        assertThat(build.mode()).isNull();
        assertThat(build.result()).isNull();
        assertThat(build.checkout().branch()).isEqualTo("feature/x");
    }

    @Test
    void aBuildWithoutGoalsIsSetAsideNotThrown() throws Exception {
        Files.createDirectories(spoolDir());
        Files.writeString(spoolDir().resolve("old-1.json"), FLAT_SPOOL.replace("[\"clean\",\"verify\"]", "null"));

        SpoolDirectory.Contents contents = new SpoolDirectory(spoolDir()).readAll();

        assertThat(contents.builds()).isEmpty();
        assertThat(contents.problems()).singleElement().asString().contains("set aside as old-1.json.bad");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
