package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Test quarantine in real Maven builds of a one-module sample (README "Quarantine"): {@code QuarantinedTest} (Surefire)
 * and {@code ServiceIT} (Failsafe) always fail, {@code BrokenTest} fails while {@code fail.txt} exists. Each build
 * writes {@code .mvn/ard-quarantine.txt} first; what ran, and under which execution, is read from the store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarantineIT {

    private static final String FILE = ".mvn/ard-quarantine.txt";
    private static final String QUARANTINED =
            "com.acme.q.QuarantinedTest | @alice | 2099-01-31 | times out on CI runners";
    private static final String ITS = "com.acme.q.*IT | @bob | 2099-12-31 | shared fixture races";
    private static final String WARN_QUARANTINED = "[WARNING] ARD: quarantined com.acme.q.QuarantinedTest failed (owner"
            + " @alice, expires 2099-01-31: times out on CI runners); the build does not fail for it";
    private static final String WARN_SERVICE_IT = "[WARNING] ARD: quarantined com.acme.q.ServiceIT failed (owner @bob,"
            + " expires 2099-12-31: shared fixture races); the build does not fail for it";

    private static Sample sample;

    @BeforeAll
    static void repository() throws Exception {
        sample = Sample.copy("quarantine-sample", ItEnvironment.work().resolve("quarantine"))
                .gitInit(); // on main: every test runs (auto = all)
    }

    private static MavenLog build(String quarantine, String... args) throws Exception {
        sample.write(FILE, quarantine);
        return sample.verify(args);
    }

    /** "execution class outcome" of the newest build's results. */
    private static Set<String> results() throws Exception {
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            Set<String> out = new TreeSet<>();
            for (var row : db.rows(
                    "SELECT DISTINCT execution_id, class_name, outcome FROM test_result WHERE build_id = ?",
                    db.newestBuild())) {
                out.add(row.get("execution_id") + " " + row.get("class_name") + " " + row.get("outcome"));
            }
            return out;
        }
    }

    @Test
    @Order(1)
    void aQuarantinedFailureRunsIsRecordedAndDoesNotFailTheBuild() throws Exception {
        MavenLog log = build("# flaky tests, reviewed like code\n" + QUARANTINED + "\n" + ITS + "\n");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.lines()).as("%s", log).contains("[INFO] BUILD SUCCESS");
        assertThat(log.ardWarnings()).as("%s", log).containsExactly(WARN_QUARANTINED, WARN_SERVICE_IT);
        assertThat(results())
                .containsExactlyInAnyOrder(
                        "default-test com.acme.q.PassingTest PASSED",
                        "default-test com.acme.q.BrokenTest PASSED",
                        "ard-quarantine-default-test com.acme.q.QuarantinedTest FAILED",
                        "ard-quarantine-default com.acme.q.ServiceIT FAILED");
        assertThat(sample.dir().resolve("target/surefire-reports/TEST-com.acme.q.QuarantinedTest.xml"))
                .exists();
        assertThat(sample.dir().resolve("target/ard/failsafe-ard-quarantine-default-summary.xml"))
                .exists();
        assertThat(log.summary())
                .startsWith("[INFO] ARD: recorded 4 tests (2 passed, 2 quarantined failed) in 1 module");
    }

    @Test
    @Order(2)
    void aFailureThatIsNotQuarantinedStillFailsTheBuild() throws Exception {
        sample.write("fail.txt", "git-ignored\n");
        MavenLog log = build(QUARANTINED + "\n" + ITS + "\n");
        Files.delete(sample.dir().resolve("fail.txt"));

        assertThat(log.exitCode()).as("%s", log).isNotZero();
        assertThat(log.lines()).as("%s", log).contains("[INFO] BUILD FAILURE");
        assertThat(results()).contains("default-test com.acme.q.BrokenTest FAILED");
        assertThat(results()).noneMatch(r -> r.startsWith("default-test com.acme.q.QuarantinedTest"));
    }

    @Test
    @Order(3)
    void anExpiredEntryWarnsAndNoLongerApplies() throws Exception {
        MavenLog log =
                build("com.acme.q.QuarantinedTest | @alice | 2020-01-31 | times out on CI runners\n" + ITS + "\n");

        assertThat(log.exitCode()).as("%s", log).isNotZero();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .contains("[WARNING] ARD: " + FILE + ":1: the quarantine of com.acme.q.QuarantinedTest (owner @alice)"
                        + " expired on 2020-01-31; it no longer applies and its failures fail the build");
        assertThat(results()).contains("default-test com.acme.q.QuarantinedTest FAILED");
    }

    @Test
    @Order(4)
    void aBadLineIsOneWarningAndTheOtherEntriesStillApply() throws Exception {
        MavenLog log = build(QUARANTINED + "\ncom.acme.q.BrokenTest | @carol | someday | bad date\n" + ITS + "\n");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .containsExactly(
                        "[WARNING] ARD: " + FILE + ":2: expiry 'someday' is not a date yyyy-MM-dd; the line is ignored",
                        WARN_QUARANTINED,
                        WARN_SERVICE_IT);
    }

    @Test
    @Order(5)
    void theUsersDashDTestWins() throws Exception {
        sample.write(FILE, QUARANTINED + "\n");
        MavenLog log = sample.maven("test", "-Dtest=PassingTest").run(sample.nextBuild());

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardInfo())
                .as("%s", log)
                .contains("[INFO] ARD: quarantine is off in this build: the tests were named (-Dtest / -Dit.test)");
        assertThat(results()).containsExactly("default-test com.acme.q.PassingTest PASSED");
    }

    @Test
    @Order(6)
    void selectionStillAppliesBesideTheQuarantine() throws Exception {
        // committed: an uncommitted quarantine file would be a change of its own, which runs the whole module
        sample.write(FILE, QUARANTINED + "\n" + ITS + "\n")
                .commitAll("quarantine")
                .branch("feature/x");
        MavenLog first = build(QUARANTINED + "\n" + ITS + "\n");
        assertThat(first.exitCode()).as("%s", first).isZero(); // no base yet on this branch: everything runs

        sample.edit("src/test/java/com/acme/q/BrokenTest.java", "void noFailMarker()", "void hasNoFailMarker()")
                .commitAll("a test changed");
        MavenLog log = build(QUARANTINED + "\n" + ITS + "\n");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings()).as("%s", log).containsExactly(WARN_QUARANTINED, WARN_SERVICE_IT);
        // the changed test runs, the untouched one is skipped, the quarantined ones failed last time: they run again,
        // each in its quarantine execution
        assertThat(results())
                .containsExactlyInAnyOrder(
                        "default-test com.acme.q.BrokenTest PASSED",
                        "default-test com.acme.q.PassingTest SKIPPED_BY_SELECTION",
                        "ard-quarantine-default-test com.acme.q.QuarantinedTest FAILED",
                        "ard-quarantine-default com.acme.q.ServiceIT FAILED");
    }

    @Test
    @Order(7)
    void anEditOfTheQuarantineFileAloneRunsNothingMore() throws Exception {
        sample.edit("src/test/java/com/acme/q/BrokenTest.java", "void hasNoFailMarker()", "void noFailMarkerAgain()")
                .commitAll("a test changed again");
        // the quarantine file gains a comment, uncommitted: it changes which failures count, not what a test runs
        MavenLog log = build("# reviewed\n" + QUARANTINED + "\n" + ITS + "\n");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(results())
                .contains(
                        "default-test com.acme.q.BrokenTest PASSED",
                        "default-test com.acme.q.PassingTest SKIPPED_BY_SELECTION");
    }
}
