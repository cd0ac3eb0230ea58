package dev.ard.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * Unusual git states never fail the build and never lose the build's telemetry; each is named in exactly
 * one WARN line: outside git, a detached HEAD that no CI ref names, a shallow clone.
 */
class GitFaultIT {

    @Test
    void notAGitRepository() throws Exception {
        // Outside it/target: the ARD checkout around it is a git repository ARD would find by searching upwards.
        Path dir = Files.createTempDirectory("ard-it-no-git");
        try {
            Sample sample = Sample.copy(Sample.TELEMETRY, dir.resolve("no-git"));
            MavenLog log = sample.maven("verify").run("no-git");

            Map<String, Object> build = onlyBuild(sample, log);
            assertThat(log.ardWarnings())
                    .as("%s", log)
                    .singleElement(as(STRING))
                    .contains("not a git repository");
            assertThat(build.get("commit_sha")).isNull();
            assertThat(build.get("branch")).isNull();
        } finally {
            Sample.deleteTree(dir);
        }
    }

    @Test
    void detachedHead() throws Exception {
        Sample sample = Sample.telemetry("detached-head").gitInit().commit("README.md", "second commit\n");
        String first;
        try (Git git = Git.open(sample.dir().toFile())) {
            first = git.getRepository().resolve("HEAD~1").name();
            git.checkout().setName(first).call();
        }
        MavenLog log = sample.maven("verify").run("build");

        Map<String, Object> build = onlyBuild(sample, log);
        assertThat(log.ardInfo()).as("the summary line").hasSize(1);
        assertThat(build.get("commit_sha")).isEqualTo(first);
        assertThat(build.get("branch")).isNull();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .singleElement(as(STRING))
                .contains("detached HEAD at " + first.substring(0, 10));
    }

    @Test
    void shallowClone() throws Exception {
        Sample origin = Sample.telemetry("shallow-origin").gitInit().commit("README.md", "second commit\n");
        Path clone = ItEnvironment.work().resolve("shallow-clone");
        Sample.deleteTree(clone);
        try (Git git = Git.cloneRepository()
                .setURI(origin.dir().toUri().toString())
                .setDirectory(clone.toFile())
                .setDepth(1)
                .call()) {
            assertThat(git.getRepository().getDirectory().toPath().resolve("shallow"))
                    .as("a shallow clone")
                    .exists();
        }
        MavenLog log = Maven.in(clone).args("verify").run("build");

        Map<String, Object> build = onlyBuild(clone, log);
        assertThat(log.ardInfo()).as("the summary line").hasSize(1);
        assertThat(build.get("commit_sha")).isEqualTo(origin.head());
        assertThat(build.get("branch")).isEqualTo("main");
        assertThat(log.ardWarnings()).as("%s", log).singleElement(as(STRING)).contains("shallow clone");
    }

    private static Map<String, Object> onlyBuild(Sample sample, MavenLog log) throws Exception {
        return onlyBuild(sample.dir(), log);
    }

    /** The build ran every test, warned at most once, and is stored. */
    private static Map<String, Object> onlyBuild(Path dir, MavenLog log) throws Exception {
        TelemetrySample.assertCompleteBuild(log, TelemetrySample.TOTALS_FIRST_BUILD);
        assertThat(log.ardWarnings()).as("%s", log).hasSizeLessThanOrEqualTo(1);
        try (TelemetryDb db = TelemetryDb.open(dir.resolve(".ard/telemetry.db"))) {
            var builds = TelemetrySample.buildIds(db);
            assertThat(builds).hasSize(1);
            assertThat(TelemetrySample.outcomes(db, builds.get(0))).isEqualTo(TelemetrySample.OUTCOMES);
            return db.rows("SELECT * FROM build WHERE id = ?", builds.get(0)).get(0);
        }
    }
}
