package dev.ard.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiEnvironmentTest {

    @Test
    void gitHubActionsPullRequest() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "CI", "true",
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_RUN_ID", "1234567890",
                "GITHUB_REF", "refs/pull/42/merge",
                "GITHUB_BASE_REF", "main"));
        assertThat(ci)
                .isEqualTo(new CiEnvironment(
                        "github",
                        "https://github.com/acme/app/actions/runs/1234567890",
                        "1234567890",
                        "refs/pull/42/merge",
                        "main"));
        assertThat(ci.isCi()).isTrue();
    }

    @Test
    void gitHubActionsPushHasAnEmptyBaseRef() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://ghe.example.com/",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_RUN_ID", "7",
                "GITHUB_REF", "refs/heads/main",
                "GITHUB_BASE_REF", ""));
        assertThat(ci.buildUrl()).isEqualTo("https://ghe.example.com/acme/app/actions/runs/7");
        assertThat(ci.baseRef()).isNull();
        assertThat(ci.runId()).isEqualTo("7");
    }

    @Test
    void gitHubRunIdCountsTheAttempt() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_REPOSITORY", "acme/app",
                "GITHUB_RUN_ID", "7",
                "GITHUB_RUN_ATTEMPT", "2"));
        assertThat(ci.runId()).isEqualTo("7-2");
        assertThat(ci.buildUrl()).isEqualTo("https://github.com/acme/app/actions/runs/7");
    }

    @Test
    void gitLabMergeRequest() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "CI", "true",
                "GITLAB_CI", "true",
                "CI_JOB_URL", "https://gitlab.example.com/acme/app/-/jobs/99",
                "CI_PIPELINE_ID", "555",
                "CI_JOB_ID", "99",
                "CI_COMMIT_REF_NAME", "feature/x",
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"));
        assertThat(ci)
                .isEqualTo(new CiEnvironment(
                        "gitlab", "https://gitlab.example.com/acme/app/-/jobs/99", "555", "feature/x", "main"));
    }

    @Test
    void gitLabWithoutPipelineIdFallsBackToTheJob() {
        CiEnvironment ci = CiEnvironment.detect(Map.of("GITLAB_CI", "true", "CI_JOB_ID", "99"));
        assertThat(ci.provider()).isEqualTo("gitlab");
        assertThat(ci.runId()).isEqualTo("99");
        assertThat(ci.baseRef()).isNull();
    }

    @Test
    void jenkinsMultibranchPullRequest() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "JENKINS_URL", "https://jenkins.example.com/",
                "BUILD_URL", "https://jenkins.example.com/job/app/job/PR-42/3/",
                "BUILD_TAG", "jenkins-app-PR-42-3",
                "BUILD_ID", "3",
                "BRANCH_NAME", "PR-42",
                "CHANGE_TARGET", "main"));
        assertThat(ci)
                .isEqualTo(new CiEnvironment(
                        "jenkins",
                        "https://jenkins.example.com/job/app/job/PR-42/3/",
                        "jenkins-app-PR-42-3",
                        "PR-42",
                        "main"));
    }

    @Test
    void jenkinsFreestyleWithTheGitPlugin() {
        CiEnvironment ci = CiEnvironment.detect(Map.of(
                "JENKINS_URL", "https://jenkins.example.com/",
                "BUILD_ID", "17",
                "GIT_BRANCH", "origin/main",
                "BRANCH_NAME", "ignored"));
        assertThat(ci.runId()).isEqualTo("17");
        assertThat(ci.ref()).isEqualTo("origin/main");
        assertThat(ci.buildUrl()).isNull();
    }

    @Test
    void genericCi() {
        assertThat(CiEnvironment.detect(Map.of("CI", "true")))
                .isEqualTo(new CiEnvironment("ci", null, null, null, null));
        assertThat(CiEnvironment.detect(Map.of("CI", "TRUE")).provider()).isEqualTo("ci");
        assertThat(CiEnvironment.detect(Map.of("CI", "1")).provider()).isEqualTo("ci");
    }

    @Test
    void local() {
        assertThat(CiEnvironment.detect(Map.of())).isSameAs(CiEnvironment.LOCAL);
        assertThat(CiEnvironment.detect(Map.of("CI", "false"))).isSameAs(CiEnvironment.LOCAL);
        assertThat(CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "false", "JENKINS_URL", " ")))
                .isSameAs(CiEnvironment.LOCAL);
        Map<String, String> withNulls = new HashMap<>();
        withNulls.put("GITLAB_CI", null);
        assertThat(CiEnvironment.detect(withNulls)).isSameAs(CiEnvironment.LOCAL);
        assertThat(CiEnvironment.detect(null)).isSameAs(CiEnvironment.LOCAL);
        assertThat(CiEnvironment.LOCAL.isCi()).isFalse();
    }

    @Test
    void aPlatformsOwnMarkerWinsOverGenericCi() {
        assertThat(CiEnvironment.detect(Map.of("CI", "true", "JENKINS_URL", "https://j/"))
                        .provider())
                .isEqualTo("jenkins");
    }
}
