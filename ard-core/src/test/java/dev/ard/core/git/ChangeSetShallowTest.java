package dev.ard.core.git;

import static dev.ard.core.git.GitFixture.commit;
import static dev.ard.core.git.GitFixture.init;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shallow clones (as CI checkouts are by default), made by JGit from a {@code file://} URI. */
class ChangeSetShallowTest {
    private static final String HINT = "shallow clone without the base commit (fetch more history, e.g. "
            + "actions/checkout fetch-depth: 0, GIT_DEPTH: 0 on GitLab, or git fetch --unshallow)";

    @TempDir
    Path tmp;

    private Path origin;
    private RevCommit first;
    private RevCommit second;
    private RevCommit forkPoint;
    private RevCommit feature;

    /** main: first, second, fork point, after-fork; feature: fork point + one commit. */
    @BeforeEach
    void origin() throws Exception {
        origin = tmp.resolve("origin");
        try (Git git = init(origin)) {
            first = commit(git, "pom.xml", "<project/>");
            second = commit(git, "a/A.java", "class A {}");
            forkPoint = commit(git, "b/B.java", "class B {}");
            git.checkout().setCreateBranch(true).setName("feature").call();
            feature = commit(git, "feature/F.java", "class F {}");
            git.checkout().setName("main").call();
            commit(git, "main/AfterFork.java", "class M {}");
        }
    }

    private Path shallowClone(int depth, String branch) throws Exception {
        Path clone = tmp.resolve("clone-" + depth);
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(clone.toFile())
                .setBranch(branch)
                .setDepth(depth)
                .call()
                .close();
        assertThat(clone.resolve(".git/shallow"))
                .as("JGit made a shallow clone")
                .exists();
        return clone;
    }

    @Test
    void aLastGreenCommitBeyondTheFetchedHistory() throws Exception {
        Path clone = shallowClone(1, "feature");

        ChangeSet changes = ChangeSetResolver.resolve(clone, BaseCandidates.lastGreen(first.name(), List.of()));

        assertThat(changes.precise()).isFalse();
        assertThat(changes.runAllReason())
                .isEqualTo("no usable base commit: last green commit " + first.name() + " needs commit "
                        + first.abbreviate(10).name() + ", which is not in the local repository: " + HINT);
    }

    @Test
    void anExplicitRelativeRevisionBeyondTheFetchedHistory() throws Exception {
        Path clone = shallowClone(1, "feature");

        ChangeSet changes = ChangeSetResolver.resolve(clone, BaseCandidates.explicit("HEAD~1"));

        assertThat(changes.runAllReason())
                .isEqualTo("ard.baseRef 'HEAD~1' does not resolve to a commit in this shallow clone: " + HINT);
    }

    @Test
    void aCiBaseWhoseMergeBaseWasNotFetched() throws Exception {
        Path clone = shallowClone(1, "feature");
        try (Repository repo = Git.open(clone.toFile()).getRepository()) {
            assertThat(repo.resolve("origin/main"))
                    .as("origin/main was fetched, one commit deep")
                    .isNotNull();
        }

        ChangeSet changes = ChangeSetResolver.resolve(clone, new BaseCandidates(null, "main", null));

        assertThat(changes.runAllReason())
                .isEqualTo("no usable base commit: CI base 'origin/main' has no merge "
                        + "base with HEAD in the fetched history: " + HINT);
    }

    @Test
    void aCiBaseThatWasNotFetchedAtAll() throws Exception {
        Path clone = tmp.resolve("single-branch");
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(clone.toFile())
                .setBranch("feature")
                .setBranchesToClone(List.of("refs/heads/feature"))
                .setDepth(1)
                .call()
                .close();

        ChangeSet changes = ChangeSetResolver.resolve(clone, new BaseCandidates(null, "main", null));

        assertThat(changes.runAllReason())
                .isEqualTo("no usable base commit: CI base 'main' (tried origin/main, main) "
                        + "does not resolve to a commit in this shallow clone: " + HINT);
    }

    @Test
    void aShallowCloneDeepEnoughWorksAsAFullOne() throws Exception {
        Path clone = shallowClone(3, "feature");
        Files.writeString(clone.resolve("b/B.java"), "class B { int edited; }");

        ChangeSet ci = ChangeSetResolver.resolve(clone, new BaseCandidates(null, "main", null));
        ChangeSet green = ChangeSetResolver.resolve(clone, BaseCandidates.lastGreen(second.name(), List.of()));

        assertThat(ci)
                .isEqualTo(new ChangeSet(
                        forkPoint.name(),
                        ChangeSet.CI,
                        List.of(new Change("b/B.java", "MODIFIED"), new Change("feature/F.java", "ADDED")),
                        null));
        assertThat(green.baseSource()).isEqualTo(ChangeSet.LAST_GREEN);
        assertThat(green.paths()).containsExactly("b/B.java", "feature/F.java");
        assertThat(feature.getParent(0)).isEqualTo(forkPoint);
    }
}
