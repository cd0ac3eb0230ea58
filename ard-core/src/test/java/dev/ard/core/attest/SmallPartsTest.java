package dev.ard.core.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.Change;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Purls, secret names, builder ids and the source entry. */
class SmallPartsTest {

    @Test
    void purlsSortQualifiersAndEncode() {
        assertThat(MavenPurl.of("org.junit.jupiter", "junit-jupiter", "5.14.1", "jar", null))
                .isEqualTo("pkg:maven/org.junit.jupiter/junit-jupiter@5.14.1?type=jar");
        assertThat(MavenPurl.of("g", "a", "1.0", "test-jar", "tests"))
                .isEqualTo("pkg:maven/g/a@1.0?classifier=tests&type=test-jar");
        assertThat(MavenPurl.of("g", "a", "1.0+build 7", "", ""))
                .isEqualTo("pkg:maven/g/a@1.0%2Bbuild%207?type=jar");
    }

    @Test
    void secretLookingNames() {
        assertThat(List.of("my.password", "api.token", "GPG_PASSPHRASE", "aws.secretAccessKey", "signing.key",
                "ssh.KeyFile", "repo.credentials", "proxy.auth", "db.pwd", "private.repo"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isTrue());
        assertThat(List.of("revision", "skipTests", "maven.test.skip", "ard.selection", "changelist"))
                .allSatisfy(n -> assertThat(SecretNames.looksSecret(n)).as(n).isFalse());
    }

    @Test
    void githubBuilderIsTheWorkflowAtItsRef() {
        BuilderIdentity id = BuilderIdentity.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "o/r",
                "GITHUB_WORKFLOW_REF", "o/r/.github/workflows/release.yml@refs/tags/v1",
                "GITHUB_RUN_ID", "42",
                "GITHUB_RUN_ATTEMPT", "2"));
        assertThat(id).isEqualTo(new BuilderIdentity("https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1",
                "https://github.com/o/r/actions/runs/42/attempts/2", "github"));
    }

    @Test
    void gitlabJenkinsAndLocal() {
        assertThat(BuilderIdentity.detect(Map.of("GITLAB_CI", "true", "CI_SERVER_URL", "https://gitlab.example/",
                "CI_PROJECT_PATH", "g/p", "CI_RUNNER_ID", "7", "CI_JOB_URL", "https://gitlab.example/g/p/-/jobs/9")))
                .isEqualTo(new BuilderIdentity("https://gitlab.example/g/p/-/runners/7", "https://gitlab.example/g/p/-/jobs/9", "gitlab"));
        assertThat(BuilderIdentity.detect(Map.of("JENKINS_URL", "https://ci.example/", "JOB_URL", "https://admin:pw@ci.example/job/x/",
                "BUILD_URL", "https://ci.example/job/x/5/")))
                .isEqualTo(new BuilderIdentity("https://ci.example/job/x/", "https://ci.example/job/x/5/", "jenkins"));
        BuilderIdentity local = BuilderIdentity.detect(Map.of());
        assertThat(local.id()).isEqualTo(BuilderIdentity.LOCAL);
        assertThat(local.invocationId()).startsWith("urn:uuid:").isNotEqualTo(BuilderIdentity.detect(Map.of()).invocationId());
    }

    @Test
    void sourceEntryNamesRemoteRefAndCommit() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        GitState git = new GitState(true, sha, "main", false, false, "https://github.com/o/r.git", List.of(), null);
        ResourceDescriptor source = SourceDescriptor.of(git, CiEnvironment.LOCAL);
        assertThat(source.uri()).isEqualTo("git+https://github.com/o/r.git@refs/heads/main");
        assertThat(source.digest()).isEqualTo(Map.of("gitCommit", sha));

        CiEnvironment ci = new CiEnvironment("github", null, "1", "refs/pull/3/merge", "main");
        GitState detached = new GitState(true, sha, null, true, false, "github.com:o/r.git", List.of(new Change("x", "MODIFIED")), null);
        assertThat(SourceDescriptor.of(detached, ci).uri()).isEqualTo("git+ssh://github.com/o/r.git@refs/pull/3/merge");

        GitState noRemote = new GitState(true, sha, "main", false, false, null, List.of(), null);
        assertThat(SourceDescriptor.of(noRemote, CiEnvironment.LOCAL).uri()).isNull();
        assertThat(SourceDescriptor.of(noRemote, CiEnvironment.LOCAL).name()).isEqualTo("source");

        assertThat(SourceDescriptor.of(GitState.unavailable("not a git repository"), CiEnvironment.LOCAL)).isNull();
    }
}
