package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The main scenario on the default Surefire (3.5.4), plus ard:stats on its store. */
class TelemetryIT extends AbstractTelemetryIT {

    @Override
    String surefireVersion() {
        return "3.5.4";
    }

    @Test
    void statsNamesTheSlowestClassTheFailingAndTheFlakyTest() throws Exception {
        MavenLog stats = sample.maven("ard:stats").run("stats");
        assertThat(stats.exitCode()).as("%s", stats).isZero();
        // The report: the lines after the goal's header, up to Maven's closing separator.
        List<String> lines = stats.lines();
        int start = lines.indexOf(lines.stream()
                        .filter(l -> l.startsWith("[INFO] --- ard:"))
                        .findFirst()
                        .orElseThrow())
                + 1;
        int end = start;
        while (!lines.get(end).startsWith("[INFO] -----")) {
            end++;
        }
        // Only [INFO]: Maven 4 may log resolver warnings while it sets the plugin up.
        List<String> report = lines.subList(start, end).stream()
                .filter(l -> l.startsWith("[INFO]"))
                .map(l -> l.replaceFirst("^\\[INFO\\] ?", ""))
                .toList();
        assertThat(report).as("%s", stats).isNotEmpty().allSatisfy(l -> assertThat(("[INFO] " + l).length())
                .isLessThanOrEqualTo(100));

        int slowest = report.indexOf(report.stream()
                .filter(l -> l.startsWith("Slowest test classes"))
                .findFirst()
                .orElseThrow());
        assertThat(report.get(slowest + 2))
                .as("first row of the slowest classes")
                .endsWith(TelemetrySample.SLOW_CLASS);
        assertThat(report).anySatisfy(l -> assertThat(l).contains("BrokenTest.fails"));
        int flaky = report.indexOf(report.stream()
                .filter(l -> l.startsWith("Flaky tests"))
                .findFirst()
                .orElseThrow());
        assertThat(report.get(flaky + 2)).contains("junit5-tests").endsWith("FlakyTest.eventuallyPasses");
    }

    @Test
    void statsAsJsonIsOneDocumentOnStandardOutput() throws Exception {
        MavenLog stats = sample.maven("-q", "ard:stats", "-Dard.format=json")
                .separateStderr()
                .run("stats-json");
        assertThat(stats.exitCode()).as("%s", stats).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(stats.file()));

        List<JsonNode> builds =
                StreamSupport.stream(json.get("builds").spliterator(), false).toList();
        // ard:stats runs (plugin goals only, no tests) are not recorded as builds.
        assertThat(builds).allSatisfy(b -> assertThat(b.get("goals").toString()).contains("verify"));
        assertThat(builds).hasSize(2).allSatisfy(b -> {
            assertThat(b.get("commit").asText()).isEqualTo(head);
            assertThat(b.get("tests").asInt()).isEqualTo(17);
        });
        assertThat(json.get("slowestClasses").get(0).get("className").asText()).isEqualTo(TelemetrySample.SLOW_CLASS);
        assertThat(json.get("flaky").get(0).get("className").asText()).isEqualTo(TelemetrySample.FLAKY_CLASS);
        assertThat(json.get("flaky").get(0).get("methodName").asText()).isEqualTo("eventuallyPasses");
        assertThat(json.get("mostFailing"))
                .extracting(n -> n.get("methodName").asText())
                .contains("fails", "explodes");
        assertThat(json.get("mostFailing"))
                .allSatisfy(n -> assertThat(n.get("lastFingerprint").asText()).isNotBlank());
    }
}
