package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryLineTest {

    private static TestResult result(String module, Outcome outcome, boolean flaky) {
        return new TestResult(
                module, "surefire", "default-test", "a.BTest", "m", 1, outcome, flaky ? 1 : 0, flaky, null, null);
    }

    private static ModuleRun run(String module) {
        return new ModuleRun(module, "surefire", "default-test", "reporter", 10, null);
    }

    @Test
    void theExampleLine() {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            tests.add(result("g:a", Outcome.PASSED, false));
        }
        tests.add(result("g:b", Outcome.PASSED, true));
        tests.add(result("g:b", Outcome.FAILED, false));
        tests.add(result("g:c", Outcome.ERROR, false));
        tests.add(result("g:c", Outcome.SKIPPED, false));
        tests.add(result("g:c", Outcome.SKIPPED, false));
        List<ModuleRun> runs =
                List.of(run("g:a"), run("g:b"), run("g:c"), new ModuleRun("g:c", "failsafe", "it", "xml", 5, null));

        assertThat(SummaryLine.recorded(tests, runs, ".ard/telemetry.db", 0, null))
                .isEqualTo(
                        "ARD: recorded 57 tests (53 passed, 1 failed, 1 error, 2 skipped, 1 flaky) in 3 modules \u2192 .ard/telemetry.db");
    }

    @Test
    void singularsAndSelection() {
        List<TestResult> tests =
                List.of(result("g:a", Outcome.ERROR, false), result("g:a", Outcome.SKIPPED_BY_SELECTION, false));

        assertThat(SummaryLine.recorded(tests.subList(0, 1), List.of(run("g:a")), "db", 0, null))
                .isEqualTo("ARD: recorded 1 test (0 passed, 1 error) in 1 module \u2192 db");
        assertThat(SummaryLine.recorded(tests, List.of(run("g:a")), "db", 0, null))
                .as("a class skipped by selection is no test that ran")
                .isEqualTo("ARD: recorded 1 test (0 passed, 1 error) in 1 module \u2192 db");
    }

    @Test
    void buildWithoutTests() {
        assertThat(SummaryLine.recorded(List.of(), List.of(), ".ard/telemetry.db", 0, null))
                .isEqualTo("ARD: recorded build, no tests ran \u2192 .ard/telemetry.db");
        assertThat(SummaryLine.recorded(List.of(), List.of(run("g:a")), ".ard/telemetry.db", 2, null))
                .isEqualTo(
                        "ARD: recorded build, no tests ran in 1 module \u2192 .ard/telemetry.db (+2 pending builds flushed)");
    }

    @Test
    void writerNoteIsAppended() {
        assertThat(SummaryLine.recorded(List.of(), List.of(), "db", 1, "1 unreadable spool file set aside"))
                .isEqualTo(
                        "ARD: recorded build, no tests ran \u2192 db (+1 pending build flushed); 1 unreadable spool file set aside");
    }

    @Test
    void notStoredLines() {
        assertThat(SummaryLine.notStored(
                        "database is locked; build kept in /r/.ard/pending/1.json until the store works again"))
                .isEqualTo(
                        "ARD: telemetry not stored: database is locked; build kept in /r/.ard/pending/1.json until the store works again");
        assertThat(SummaryLine.notStored(null)).isEqualTo("ARD: telemetry not stored: unknown cause");
    }

    @Test
    void sqliteUnderTheRootIsShownRelative() {
        Path root = Path.of("/work/project");

        assertThat(SummaryLine.destination(StoreConfig.sqlite(root), root)).isEqualTo(".ard/telemetry.db");
        assertThat(SummaryLine.destination(
                        new StoreConfig("jdbc:sqlite:/data/ard.db?journal_mode=WAL", null, null), root))
                .isEqualTo("/data/ard.db");
    }

    @Test
    void postgresUrlNeverShowsSecrets() {
        StoreConfig config = new StoreConfig(
                "jdbc:postgresql://bob:s3cret@db.example:5432/ard?password=s3cret&ssl=true", "bob", "s3cret");

        String shown = SummaryLine.destination(config, Path.of("/r"));

        assertThat(shown).doesNotContain("s3cret").startsWith("jdbc:postgresql://db.example:5432/ard");
    }
}
