package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder id and invocation id detected from each CI's environment. */
class BuilderIdentityTest {

    @Test
    void githubBuilderIsTheWorkflowAtItsRef() {
        BuilderIdentity id = BuilderIdentity.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "o/r",
                "GITHUB_WORKFLOW_REF", "o/r/.github/workflows/release.yml@refs/tags/v1",
                "GITHUB_RUN_ID", "42",
                "GITHUB_RUN_ATTEMPT", "2"));
        assertThat(id)
                .isEqualTo(new BuilderIdentity(
                        "https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1",
                        "https://github.com/o/r/actions/runs/42/attempts/2",
                        "github"));
    }

    @Test
    void gitlabJenkinsAndLocal() {
        assertThat(BuilderIdentity.detect(Map.of(
                        "GITLAB_CI",
                        "true",
                        "CI_SERVER_URL",
                        "https://gitlab.example/",
                        "CI_PROJECT_PATH",
                        "g/p",
                        "CI_RUNNER_ID",
                        "7",
                        "CI_JOB_URL",
                        "https://gitlab.example/g/p/-/jobs/9")))
                .isEqualTo(new BuilderIdentity(
                        "https://gitlab.example/g/p/-/runners/7", "https://gitlab.example/g/p/-/jobs/9", "gitlab"));
        assertThat(BuilderIdentity.detect(Map.of(
                        "JENKINS_URL",
                        "https://ci.example/",
                        "JOB_URL",
                        "https://admin:pw@ci.example/job/x/",
                        "BUILD_URL",
                        "https://ci.example/job/x/5/")))
                .isEqualTo(new BuilderIdentity("https://ci.example/job/x/", "https://ci.example/job/x/5/", "jenkins"));
        BuilderIdentity local = BuilderIdentity.detect(Map.of());
        assertThat(local.id()).isEqualTo(BuilderIdentity.LOCAL);
        assertThat(local.invocationId())
                .startsWith("urn:uuid:")
                .isNotEqualTo(BuilderIdentity.detect(Map.of()).invocationId());
    }
}
