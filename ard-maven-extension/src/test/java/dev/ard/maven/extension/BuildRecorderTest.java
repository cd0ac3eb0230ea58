package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.ToolVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BuildRecorderTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final ToolVersions TOOLS = new ToolVersions("3.9.9", "17.0.9", "Linux 6 (amd64)");

    private static BuildContext context(GitState git) {
        return new BuildContext(
                "id-1",
                START,
                Path.of("/r"),
                git,
                new CiEnvironment("github", "https://ci/1", "1", "refs/pull/1", "main"),
                List.of("clean", "verify"),
                TOOLS,
                RecordedMode.ALL);
    }

    @Test
    void buildRecordCarriesContextAndResult() {
        GitState git = new GitState(
                true, "abc123", "feature", false, false, null, List.of(new Change("a/B.java", "MODIFIED")), null);

        BuildTelemetry telemetry =
                new BuildRecorder().toTelemetry(context(git), START.plusSeconds(9), BuildResult.FAILURE);

        assertThat(telemetry.build())
                .isEqualTo(new BuildRecord(
                        "id-1",
                        START,
                        START.plusSeconds(9),
                        List.of("clean", "verify"),
                        new Checkout(Path.of("/r").toString(), "abc123", "feature", true),
                        new CiRun("github", "https://ci/1", "1", null),
                        TOOLS,
                        RecordedMode.ALL,
                        BuildResult.FAILURE));
        assertThat(telemetry.changes()).containsExactly(new Change("a/B.java", "MODIFIED"));
    }

    @Test
    void outsideGitTheCommitIsNull() {
        BuildRecord record =
                context(GitState.unavailable("not a git repository")).toRecord(START, BuildResult.SUCCESS);

        assertThat(record.checkout())
                .isEqualTo(Checkout.outsideGit(Path.of("/r").toString()));
    }

    @Test
    void threadsRecordConcurrently() throws Exception {
        BuildRecorder recorder = new BuildRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String module = "g:m" + t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    recorder.mojo(new MojoTiming(module, "p", "g", "e" + i, START, i, true));
                    TestResult test = new TestResult(
                            module, "surefire", "e" + i, "C", "m", 1, Outcome.PASSED, 0, false, null, null);
                    recorder.testRun(
                            new ModuleRun(module, "surefire", "e" + i, "reporter", 1, null), List.of(test, test));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        BuildTelemetry telemetry = recorder.toTelemetry(context(GitState.unavailable("x")), START, BuildResult.SUCCESS);
        assertThat(telemetry.mojos()).hasSize(1000);
        assertThat(telemetry.moduleRuns()).hasSize(1000);
        assertThat(telemetry.tests()).hasSize(2000);
    }
}
