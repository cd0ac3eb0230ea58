package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ard:stats where there is nothing to show, or nothing readable (its happy path is in TelemetryIT). */
class StatsIT {

    /** A directory with no project: {@code .mvn/} marks it as the root, as in any ARD project. */
    private static Path emptyRoot(String name) throws Exception {
        Path dir = ItEnvironment.work().resolve(name);
        Sample.deleteTree(dir);
        Files.createDirectories(dir.resolve(".mvn"));
        return dir;
    }

    @Test
    void noStoreYetIsAFriendlyLineNotAFailure() throws Exception {
        Path dir = emptyRoot("stats-empty");
        MavenLog log = Maven.in(dir).args("ard:stats").run("stats");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.lines())
                .as("%s", log)
                .contains("[INFO] ARD: no telemetry yet at " + dir.resolve(".ard/telemetry.db"));
        assertThat(dir.resolve(".ard")).as("ard:stats creates no store").doesNotExist();
    }

    @Test
    void noStoreYetIsAnEmptyJsonDocument() throws Exception {
        Path dir = emptyRoot("stats-empty-json");
        MavenLog log = Maven.in(dir)
                .args("-q", "ard:stats", "-Dard.format=json")
                .separateStderr()
                .run("stats");

        assertThat(log.exitCode()).as("%s", log).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(log.file()));
        assertThat(json.get("builds")).isEmpty();
        assertThat(json.get("slowestClasses")).isEmpty();
    }

    @Test
    void corruptStoreFailsWithTheCauseInOneLine() throws Exception {
        Path dir = emptyRoot("stats-corrupt");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path store = dir.resolve(".ard/telemetry.db");
        Files.createDirectories(store.getParent());
        Files.write(store, garbage);

        MavenLog log = Maven.in(dir).args("ard:stats").run("stats");

        assertThat(log.exitCode()).as("%s", log).isNotZero();
        assertThat(log.lines()).as("%s", log).anySatisfy(l -> assertThat(l)
                .startsWith("[ERROR] Failed to execute goal dev.ard:ard-maven-plugin:")
                .contains("ARD: cannot read the telemetry store: ")
                .contains(store.toString())
                .contains("not a SQLite database"));
        assertThat(Files.readAllBytes(store)).as("the store is left as it was").isEqualTo(garbage);
    }
}
