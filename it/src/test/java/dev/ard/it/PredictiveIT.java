package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code auto} switches from safe to predictive once {@code ard:train} has stored a model: a history of real builds of
 * the selection sample on a feature branch (EnvTest fails in two of them), a model trained from it, then a build whose
 * summary and explanations come from the model.
 */
class PredictiveIT {

    @Test
    void autoIsSafeWithoutAModelAndPredictiveWithOne() throws Exception {
        Sample sample = Sample.selection("predictive").gitInit().branch("feature/p");
        int[] failing = {2, 6};
        for (int build = 1; build <= 8; build++) {
            boolean fail = build == failing[0] || build == failing[1];
            if (fail) {
                sample.write("fail.txt", "git-ignored\n");
            }
            MavenLog log = sample.maven("verify", "-Dard.selection=all", "-Dmaven.test.failure.ignore=true").run("history-" + build);
            assertThat(log.exitCode()).as("%s", log).isZero();
            Files.deleteIfExists(sample.dir().resolve("fail.txt"));
        }

        sample.edit("core/src/main/java/com/acme/core/Leaf.java", "return 1;", "return 2 - 1;");
        MavenLog safe = sample.maven("verify", "-Dard.explain").run("auto-without-model");
        assertThat(safe.exitCode()).as("%s", safe).isZero();
        assertThat(safe.ardInfo().get(safe.ardInfo().size() - 1)).as("%s", safe).contains("(safe, ");

        MavenLog train = sample.maven("ard:train", "-Dard.train.minBuilds=5").run("train");
        assertThat(train.exitCode()).as("%s", train).isZero();
        assertThat(train.lines()).as("%s", train).anyMatch(l -> l.startsWith("[INFO] ARD: model v1 trained on "));

        sample.edit("core/src/main/java/com/acme/core/Leaf.java", "return 2 - 1;", "return 3 - 2;");
        MavenLog predictive = sample.maven("verify", "-Dard.explain").run("auto-with-model");
        assertThat(predictive.exitCode()).as("%s", predictive).isZero();
        assertThat(predictive.ardInfo().get(predictive.ardInfo().size() - 1)).as("%s", predictive).contains("(predictive, ");
        assertThat(predictive.lines()).as("the model's scores explain the decisions").anyMatch(l -> l.contains("P(fail)="));
        try (TelemetryDb db = TelemetryDb.open(sample.store())) {
            assertThat(db.strings("SELECT mode FROM build ORDER BY started_at DESC LIMIT 1")).containsExactly("predictive");
        }
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
            MavenLog log = sample.maven("verify", "-Dard.train.every=1", "-Dmaven.test.failure.ignore=true").run("main-" + build);
            assertThat(log.exitCode()).as("%s", log).isZero();
            Files.deleteIfExists(sample.dir().resolve("fail.txt"));
            String summary = log.ardInfo().get(log.ardInfo().size() - 1);
            assertThat(summary).as("%s", log).startsWith("[INFO] ARD: recorded ");
            if (summary.contains("selection model v")) {
                retrained = summary;
            }
        }
        assertThat(retrained).as("a model was retrained within 8 builds").isNotNull().contains("selection model v1 retrained on ");

        sample.branch("feature/after-retrain").edit("core/src/main/java/com/acme/core/Leaf.java", "return 1;", "return 2 - 1;");
        MavenLog feature = sample.maven("verify", "-Dard.baseRef=main").run("feature"); // a new branch has no green build yet
        assertThat(feature.exitCode()).as("%s", feature).isZero();
        assertThat(feature.ardInfo().get(feature.ardInfo().size() - 1)).as("%s", feature).contains("(predictive, ");
    }
}
