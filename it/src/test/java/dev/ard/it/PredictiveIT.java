package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code auto} switches from safe to predictive once {@code ard:train} has stored a model: a history of real builds of
 * the selection sample on a feature branch (EnvTest fails in two of them, and in the safe build), a model trained from
 * it, then a build that runs what the model chose: exactly what {@code ard:select} answers for the same change, the
 * failing class the model ranks first included.
 */
class PredictiveIT {

    private static final Pattern P_FAIL = Pattern.compile("P\\(fail\\)=([0-9.]+)");

    @Test
    void autoIsSafeWithoutAModelAndPredictiveWithOne() throws Exception {
        Sample sample = Sample.selection("predictive").gitInit().branch("feature/p");
        int[] failing = {2, 6};
        for (int build = 1; build <= 8; build++) {
            boolean fail = build == failing[0] || build == failing[1];
            if (fail) {
                sample.write("fail.txt", "git-ignored\n");
            }
            MavenLog log = sample.maven("verify", "-Dard.selection=all", "-Dmaven.test.failure.ignore=true")
                    .run("history-" + build);
            assertThat(log.exitCode()).as("%s", log).isZero();
            Files.deleteIfExists(sample.dir().resolve("fail.txt"));
        }

        // This change reaches EnvTest too, and EnvTest fails: its last run on the branch is a failure from now on.
        sample.edit("core/src/main/java/com/acme/core/Leaf.java", "return 1;", "return Math.abs(-1);")
                .edit(
                        "core/src/main/java/com/acme/core/Env.java",
                        "return Path.of(\"..\", \"fail.txt\");",
                        "return Path.of(\"../fail.txt\");")
                .write("fail.txt", "git-ignored\n");
        MavenLog safe = sample.maven("verify", "-Dard.explain", "-Dmaven.test.failure.ignore=true")
                .run("auto-without-model");
        Files.deleteIfExists(sample.dir().resolve("fail.txt"));
        assertThat(safe.exitCode()).as("%s", safe).isZero();
        assertThat(safe.summary()).as("%s", safe).contains("(safe, ");

        MavenLog train = sample.maven("ard:train", "-Dard.train.minBuilds=5").run("train");
        assertThat(train.exitCode()).as("%s", train).isZero();
        assertThat(train.lines()).as("%s", train).anyMatch(l -> l.startsWith("[INFO] ARD: model v1 trained on "));

        // Against the last green build, Leaf and Env changed: LeafTest, ServiceTest, ServiceIT and EnvTest are reached.
        sample.edit("core/src/main/java/com/acme/core/Leaf.java", "return Math.abs(-1);", "return Math.max(0, 1);");
        // ard:select first (it runs no test, so it is no green base): the build must run exactly what it answers.
        MavenLog select = sample.maven("test-compile", "ard:select").run("select-with-model");
        assertThat(select.exitCode()).as("%s", select).isZero();
        JsonNode answer = new ObjectMapper()
                .readTree(Files.readAllLines(sample.dir().resolve("target/ard/selections.jsonl"))
                        .get(0));
        MavenLog predictive = sample.maven("verify", "-Dard.explain").run("auto-with-model");
        assertThat(predictive.exitCode()).as("%s", predictive).isZero();
        assertThat(predictive.summary()).as("%s", predictive).contains("(predictive, ");
        assertThat(predictive.lines())
                .as("the model's scores explain the decisions")
                .anyMatch(l -> l.contains("P(fail)="));
        assertThat(answer.get("mode").asText()).isEqualTo("predictive");

        Map<String, Double> scores = scores(answer.get("reasons"));
        assertThat(scores)
                .as("the model scored the classes the change reaches: %s", answer)
                .containsOnlyKeys(
                        "com.acme.app.ServiceIT",
                        "com.acme.app.ServiceTest",
                        "com.acme.core.EnvTest",
                        "com.acme.core.LeafTest");
        String failingClass = "com.acme.core.EnvTest";
        assertThat(answer.get("reasons").get(failingClass).asText())
                .as("the failing class tops the model's ranking of its module")
                .contains("failed")
                .contains("last run")
                .contains("; P(fail)=")
                .contains(", rank 1 of ");
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            Set<String> ran = db.newestBuildClasses(true);
            assertThat(ran)
                    .as("the build ran what ard:select answered")
                    .isEqualTo(new TreeSet<>(strings(answer.get("selected"))));
            assertThat(db.newestBuildClasses(false)).isEqualTo(new TreeSet<>(strings(answer.get("skipped"))));
            assertThat(ran).as("the model's top-ranked failing class ran").contains(failingClass);
            assertThat(ran).as("nothing the change cannot reach ran").isSubsetOf(scores.keySet());
            assertThat(db.strings("SELECT mode FROM build ORDER BY started_at DESC LIMIT 1"))
                    .containsExactly("predictive");
        }
    }

    /** Each scored class's P(fail), from reasons like {@code depends on …; P(fail)=0.0123, rank 1 of 3}. */
    private static Map<String, Double> scores(JsonNode reasons) {
        Map<String, Double> scores = new TreeMap<>();
        reasons.fields().forEachRemaining(e -> {
            Matcher m = P_FAIL.matcher(e.getValue().asText());
            if (m.find()) {
                scores.put(e.getKey(), Double.parseDouble(m.group(1)));
            }
        });
        return scores;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void fullBranchBuildsRetrainTheModelAutomatically() throws Exception {
        Sample sample = Sample.selection("predictive-retrain").gitInit();
        String retrained = null;
        for (int build = 1; build <= 8 && retrained == null; build++) {
            if (build == 2 || build == 6) {
                sample.write("fail.txt", "git-ignored\n");
            }
            // main is a full branch: auto runs everything; ard.train.every=1 retrains after every such build
            MavenLog log = sample.maven("verify", "-Dard.train.every=1", "-Dmaven.test.failure.ignore=true")
                    .run("main-" + build);
            assertThat(log.exitCode()).as("%s", log).isZero();
            Files.deleteIfExists(sample.dir().resolve("fail.txt"));
            String summary = log.summary();
            assertThat(summary).as("%s", log).startsWith("[INFO] ARD: recorded ");
            if (summary.contains("selection model v")) {
                retrained = summary;
            }
        }
        assertThat(retrained)
                .as("a model was retrained within 8 builds")
                .isNotNull()
                .contains("selection model v1 retrained on ");

        sample.branch("feature/after-retrain")
                .edit("core/src/main/java/com/acme/core/Leaf.java", "return 1;", "return Math.abs(-1);");
        MavenLog feature =
                sample.maven("verify", "-Dard.baseRef=main").run("feature"); // a new branch has no green build yet
        assertThat(feature.exitCode()).as("%s", feature).isZero();
        assertThat(feature.summary()).as("%s", feature).contains("(predictive, ");
    }
}
