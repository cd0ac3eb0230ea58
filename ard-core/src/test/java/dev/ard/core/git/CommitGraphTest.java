package dev.ard.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ancestry in a real repository: a branch commit is contained in the merge commit, not the other way round. */
class CommitGraphTest {
    @TempDir
    Path dir;

    @Test
    void aMergeContainsTheBranchCommitsAndNothingContainsAnUnknownCommit() throws Exception {
        try (Git git = GitFixture.init(dir)) {
            RevCommit base = GitFixture.commit(git, "a.txt", "one");
            git.checkout().setCreateBranch(true).setName("feature").call();
            RevCommit feature = GitFixture.commit(git, "b.txt", "two");
            git.checkout().setName("main").call();
            RevCommit main = GitFixture.commit(git, "c.txt", "three");
            git.merge()
                    .include(feature)
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("merge")
                    .call();
            RevCommit merge = git.log().setMaxCount(1).call().iterator().next();

            try (CommitGraph graph = CommitGraph.at(dir)) {
                assertThat(graph.hasRepository()).isTrue();
                assertThat(graph.contains(merge.name(), feature.name())).isTrue();
                assertThat(graph.contains(merge.name(), base.name())).isTrue();
                assertThat(graph.contains(main.name(), feature.name())).isFalse();
                assertThat(graph.contains(feature.name(), merge.name())).isFalse();
                assertThat(graph.contains(main.name(), main.name())).isTrue();
                assertThat(graph.contains(merge.name(), "f".repeat(40))).isFalse();
                assertThat(graph.contains(merge.name(), "not-a-commit")).isFalse();
            }
        }
    }

    @Test
    void outsideGitOnlyACommitContainsItself(@TempDir Path plain) {
        try (CommitGraph graph = CommitGraph.at(plain)) {
            assertThat(graph.hasRepository()).isFalse();
            assertThat(graph.contains("a".repeat(40), "a".repeat(40))).isTrue();
            assertThat(graph.contains("a".repeat(40), "b".repeat(40))).isFalse();
        }
    }
}
