package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitFactsTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static GitState state(String branch, boolean detached, boolean shallow) {
        return new GitState(true, SHA, branch, detached, shallow, null, List.of(), null);
    }

    @Test
    void aNormalCheckoutNeedsNoWarning() {
        assertThat(GitFacts.warning(state("main", false, false))).isNull();
    }

    @Test
    void notARepositoryIsNamed() {
        assertThat(GitFacts.warning(GitState.unavailable("not a git repository: /x")))
                .isEqualTo("not a git repository: /x: build recorded without a commit");
    }

    @Test
    void detachedHeadWithoutCiBranchIsNamedWithItsCommit() {
        GitState git = GitFacts.effective(state(null, true, false), CiEnvironment.LOCAL);
        assertThat(git.branch()).isNull();
        assertThat(GitFacts.warning(git))
                .isEqualTo("detached HEAD at 0123456789 and no CI branch: build recorded without a branch");
    }

    @Test
    void detachedHeadOnCiTakesTheCiBranchSilently() {
        CiEnvironment github = new CiEnvironment("github", null, "1", "refs/heads/feature/x", null);
        GitState git = GitFacts.effective(state(null, true, false), github);
        assertThat(git.branch()).isEqualTo("feature/x");
        assertThat(GitFacts.warning(git)).isNull();
    }

    @Test
    void shallowAndDetachedMakeOneLine() {
        String line = GitFacts.warning(state(null, true, true));
        assertThat(line).contains("detached HEAD").contains("shallow clone").doesNotContain("\n");
    }

    @Test
    void branchOfUnderstandsCiRefs() {
        assertThat(GitFacts.branchOf("refs/heads/main")).isEqualTo("main");
        assertThat(GitFacts.branchOf("refs/pull/7/merge")).isNull();
        assertThat(GitFacts.branchOf("refs/tags/v1")).isNull();
        assertThat(GitFacts.branchOf("origin/release/1.x")).isEqualTo("release/1.x");
        assertThat(GitFacts.branchOf("develop")).isEqualTo("develop");
        assertThat(GitFacts.branchOf(null)).isNull();
    }
}
