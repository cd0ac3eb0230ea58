package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.Change;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source entry: remote, ref and commit of the checkout. */
class SourceDescriptorTest {

    @Test
    void sourceEntryNamesRemoteRefAndCommit() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        GitState git = new GitState(true, sha, "main", false, false, "https://github.com/o/r.git", List.of(), null);
        ResourceDescriptor source = SourceDescriptor.of(git, CiEnvironment.LOCAL);
        assertThat(source.uri()).isEqualTo("git+https://github.com/o/r.git@refs/heads/main");
        assertThat(source.digest()).isEqualTo(Map.of("gitCommit", sha));

        CiEnvironment ci = new CiEnvironment("github", null, "1", "refs/pull/3/merge", "main");
        GitState detached = new GitState(
                true, sha, null, true, false, "github.com:o/r.git", List.of(new Change("x", "MODIFIED")), null);
        assertThat(SourceDescriptor.of(detached, ci).uri()).isEqualTo("git+ssh://github.com/o/r.git@refs/pull/3/merge");

        GitState noRemote = new GitState(true, sha, "main", false, false, null, List.of(), null);
        assertThat(SourceDescriptor.of(noRemote, CiEnvironment.LOCAL).uri()).isNull();
        assertThat(SourceDescriptor.of(noRemote, CiEnvironment.LOCAL).name()).isEqualTo("source");

        assertThat(SourceDescriptor.of(GitState.unavailable("not a git repository"), CiEnvironment.LOCAL))
                .isNull();
    }
}
