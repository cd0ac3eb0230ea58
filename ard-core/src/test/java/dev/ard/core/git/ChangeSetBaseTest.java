package dev.ard.core.git;

import static dev.ard.core.git.GitFixture.cloneOf;
import static dev.ard.core.git.GitFixture.commit;
import static dev.ard.core.git.GitFixture.init;
import static dev.ard.core.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.telemetry.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the base commit comes from, and what it means for the change set. */
class ChangeSetBaseTest {
    @TempDir
    Path tmp;

    @Test
    void anExplicitShaBranchOrRelativeRevision() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit first = commit(git, "pom.xml", "<project/>");
            git.branchCreate().setName("release").setStartPoint(first).call();
            commit(git, "a/A.java", "class A {}");
            RevCommit third = commit(git, "b/B.java", "class B {}");

            ChangeSet bySha = ChangeSetResolver.resolve(repo, BaseCandidates.explicit(first.name()));
            ChangeSet byBranch = ChangeSetResolver.resolve(repo, BaseCandidates.explicit(" release "));
            ChangeSet byParent = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD~1"));
            ChangeSet byHead = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));

            assertThat(bySha)
                    .isEqualTo(new ChangeSet(
                            first.name(),
                            ChangeSet.EXPLICIT,
                            List.of(new Change("a/A.java", "ADDED"), new Change("b/B.java", "ADDED")),
                            null));
            assertThat(bySha.precise()).isTrue();
            assertThat(byBranch).isEqualTo(bySha);
            assertThat(byParent.baseCommit()).isEqualTo(third.getParent(0).name());
            assertThat(byParent.paths()).containsExactly("b/B.java");
            assertThat(byHead.baseCommit()).isEqualTo(third.name());
            assertThat(byHead.changes()).isEmpty();
            assertThat(byHead.precise()).isTrue();
        }
    }

    @Test
    void originMainInARealCloneUsesTheMergeBase() throws Exception {
        Path origin = tmp.resolve("origin");
        Path clone = tmp.resolve("clone");
        RevCommit forkPoint;
        try (Git upstream = init(origin)) {
            forkPoint = commit(upstream, "pom.xml", "<project/>");
            try (Git git = cloneOf(origin, clone)) {
                git.checkout().setCreateBranch(true).setName("feature").call();
                commit(git, "feature/F.java", "class F {}");
                commit(upstream, "main/OnlyOnMain.java", "class M {}");
                git.fetch().call();

                ChangeSet changes = ChangeSetResolver.resolve(clone, BaseCandidates.explicit("origin/main"));

                assertThat(changes.baseSource()).isEqualTo(ChangeSet.EXPLICIT);
                assertThat(changes.baseCommit()).isEqualTo(forkPoint.name());
                assertThat(changes.changes()).containsExactly(new Change("feature/F.java", "ADDED"));
            }
        }
    }

    @Test
    void anExplicitRefThatDoesNotResolveRunsEverythingAndNamesIt() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit first = commit(git, "pom.xml", "<project/>");
            commit(git, "a/A.java", "class A {}");
            write(git, "a/Dirty.java", "class D {}");

            // the explicit ref is the only candidate: no silent fallback to the CI base or the last green build
            ChangeSet changes =
                    ChangeSetResolver.resolve(repo, new BaseCandidates("no-such-branch", "main", first.name()));

            assertThat(changes.precise()).isFalse();
            assertThat(changes.baseSource()).isEqualTo(ChangeSet.NONE);
            assertThat(changes.baseCommit()).isNull();
            assertThat(changes.runAllReason())
                    .isEqualTo("ard.baseRef 'no-such-branch' does not resolve to a commit here");
            assertThat(changes.changes()).containsExactly(new Change("a/Dirty.java", "UNTRACKED"));
        }
    }

    @Test
    void anExplicitRefThatIsMalformedOrNotACommitIsReportedNotThrown() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");

            ChangeSet malformed = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD^{nonsense"));
            ChangeSet tree = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD^{tree}"));
            ChangeSet tooFarBack = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD~5"));

            assertThat(malformed.runAllReason())
                    .startsWith("ard.baseRef 'HEAD^{nonsense' does not resolve to a commit: ");
            assertThat(tree.runAllReason()).startsWith("ard.baseRef 'HEAD^{tree}' does not name a commit");
            assertThat(tooFarBack.runAllReason()).isEqualTo("ard.baseRef 'HEAD~5' does not resolve to a commit here");
            assertThat(List.of(malformed, tree, tooFarBack)).allSatisfy(c -> {
                assertThat(c.precise()).isFalse();
                assertThat(c.runAllReason()).doesNotContain("\n");
            });
        }
    }

    @Test
    void theCiBaseIsTheMergeBaseWithOriginsTargetBranchNotTheStaleLocalOne() throws Exception {
        Path origin = tmp.resolve("origin");
        Path clone = tmp.resolve("clone");
        try (Git upstream = init(origin)) {
            commit(upstream, "pom.xml", "<project/>");
            try (Git git = cloneOf(origin, clone)) { // local main stays at the first commit
                RevCommit second = commit(upstream, "lib/Second.java", "class S {}");
                git.fetch().call();
                git.checkout()
                        .setCreateBranch(true)
                        .setName("feature")
                        .setStartPoint("origin/main")
                        .call();
                commit(git, "feature/F.java", "class F {}");
                commit(upstream, "lib/AfterTheFork.java", "class T {}"); // target-branch-only change
                git.fetch().call();

                ChangeSet changes = ChangeSetResolver.resolve(clone, new BaseCandidates(null, "main", null));

                assertThat(changes.baseSource()).isEqualTo(ChangeSet.CI);
                assertThat(changes.baseCommit()).isEqualTo(second.name());
                assertThat(changes.changes()).containsExactly(new Change("feature/F.java", "ADDED"));
            }
        }
    }

    @Test
    void theCiBaseFallsBackToTheLocalBranchWithoutARemote() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit forkPoint = commit(git, "pom.xml", "<project/>");
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, "feature/F.java", "class F {}");
            git.checkout().setName("main").call();
            commit(git, "main/OnlyOnMain.java", "class M {}");
            git.checkout().setName("feature").call();

            ChangeSet changes = ChangeSetResolver.resolve(repo, new BaseCandidates(null, "main", null));

            assertThat(changes)
                    .isEqualTo(new ChangeSet(
                            forkPoint.name(), ChangeSet.CI, List.of(new Change("feature/F.java", "ADDED")), null));
        }
    }

    @Test
    void anUnknownCiBaseFallsBackToTheLastGreenBuild() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit green = commit(git, "pom.xml", "<project/>");
            commit(git, "a/A.java", "class A {}");

            ChangeSet withGreen = ChangeSetResolver.resolve(repo, new BaseCandidates(null, "develop", green.name()));
            ChangeSet withoutGreen = ChangeSetResolver.resolve(repo, new BaseCandidates(null, "develop", null));

            assertThat(withGreen)
                    .isEqualTo(new ChangeSet(
                            green.name(), ChangeSet.LAST_GREEN, List.of(new Change("a/A.java", "ADDED")), null));
            assertThat(withoutGreen.runAllReason())
                    .isEqualTo("no usable base commit: CI base 'develop' "
                            + "(tried origin/develop, develop) does not resolve to a commit here");
        }
    }

    @Test
    void aCiBaseWithoutCommonHistoryIsNotUsed() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");
            git.checkout().setOrphan(true).setName("unrelated").call();
            git.rm().addFilepattern("pom.xml").call();
            commit(git, "other.txt", "x");
            git.checkout().setName("main").call();

            ChangeSet changes = ChangeSetResolver.resolve(repo, new BaseCandidates(null, "unrelated", null));

            assertThat(changes.runAllReason())
                    .isEqualTo("no usable base commit: CI base 'unrelated' shares no history with HEAD");
        }
    }

    @Test
    void theLastGreenCommitIsComparedDirectlyWithItsDirtyPathsCountingAsChanged() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "a/Clean.java", "class Clean {}");
            commit(git, "a/WasDirty.java", "class WasDirty {}");
            git.checkout().setCreateBranch(true).setName("old-line").call();
            // the green build ran on a commit that is no longer in this branch's history (e.g. before a rebase)
            RevCommit green = commit(git, "a/Clean.java", "class Clean { int onlyInGreen; }");
            git.checkout().setName("main").call();
            commit(git, "b/B.java", "class B {}");
            Files.writeString(tmp.resolve("outside.txt"), "not in the repository");
            List<String> dirtyInGreen =
                    List.of("a/WasDirty.java", ".\\c\\GoneSince.java", " ", "b/B.java", "d/Dir/", "../outside.txt");

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.lastGreen(green.name(), dirtyInGreen));
            ChangeSet explicit =
                    ChangeSetResolver.resolve(repo, new BaseCandidates(green.name(), null, green.name(), dirtyInGreen));

            assertThat(changes.baseSource()).isEqualTo(ChangeSet.LAST_GREEN);
            assertThat(changes.baseCommit()).isEqualTo(green.name());
            assertThat(changes.changes())
                    .containsExactly(
                            new Change("../outside.txt", "DELETED"), // exists, but not in this working tree
                            new Change("a/Clean.java", "MODIFIED"), // differs from green, not from the merge base
                            new Change(
                                    "a/WasDirty.java",
                                    "MODIFIED"), // same as green's commit, but green's tree was dirty
                            new Change("b/B.java", "ADDED"), // also dirty then: listed once, kind from the trees
                            new Change("c/GoneSince.java", "DELETED"), // dirty then, absent now: its classes may linger
                            new Change("d/Dir", "DELETED"));
            // the dirty paths belong to the last green build only; an explicit base takes the merge base
            assertThat(explicit.baseSource()).isEqualTo(ChangeSet.EXPLICIT);
            assertThat(explicit.paths()).containsExactly("b/B.java");
        }
    }

    @Test
    void aLastGreenCommitMissingFromTheRepositoryRunsEverything() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");
            String unknown = "0123456789abcdef0123456789abcdef01234567";

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.lastGreen(unknown, List.of("x")));

            assertThat(changes.precise()).isFalse();
            assertThat(changes.runAllReason())
                    .isEqualTo("no usable base commit: last green commit " + unknown
                            + " needs commit 0123456789, which is not in the local repository");
            assertThat(changes.changes()).isEmpty();
        }
    }

    @Test
    void noBaseAtAllRunsEverythingButStillListsTheUncommittedChanges() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");
            write(git, "pom.xml", "<project><modelVersion/></project>");

            ChangeSet none = ChangeSetResolver.resolve(repo, BaseCandidates.NONE);
            ChangeSet blank = ChangeSetResolver.resolve(repo, new BaseCandidates(" ", "", null, null));
            ChangeSet nullCandidates = ChangeSetResolver.resolve(repo, null);

            assertThat(none)
                    .isEqualTo(
                            new ChangeSet(
                                    null,
                                    ChangeSet.NONE,
                                    List.of(new Change("pom.xml", "MODIFIED")),
                                    "no base commit: no ard.baseRef, no CI pull-request base and no green build of this branch recorded"));
            assertThat(blank).isEqualTo(none);
            assertThat(nullCandidates).isEqualTo(none);
        }
    }

    @Test
    void outsideARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain/module"));
        assumeTrue(!Files.exists(tmp.getRoot().resolve(".git")), "the file system root is itself a git repository");

        ChangeSet changes = ChangeSetResolver.resolve(plain, BaseCandidates.explicit("HEAD"));

        assertThat(changes)
                .isEqualTo(new ChangeSet(null, ChangeSet.NONE, List.of(), "not inside a git repository: " + plain));
        assertThat(ChangeSetResolver.resolve(null, null).precise()).isFalse();
    }

    @Test
    void aBareRepository() throws Exception {
        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();

        ChangeSet changes = ChangeSetResolver.resolve(bare, BaseCandidates.explicit("HEAD"));

        assertThat(changes.runAllReason()).isEqualTo("bare repository: no working tree to compare");
        assertThat(changes.changes()).isEmpty();
    }

    @Test
    void anUnbornHeadListsWhatIsOnDisk() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            write(git, "pom.xml", "<project/>");
            write(git, "src/main/java/A.java", "class A {}");
            git.add().addFilepattern("pom.xml").call();

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("main"));

            assertThat(changes)
                    .isEqualTo(new ChangeSet(
                            null,
                            ChangeSet.NONE,
                            List.of(new Change("pom.xml", "ADDED"), new Change("src/main/java/A.java", "UNTRACKED")),
                            "HEAD has no commit yet"));
        }
    }

    @Test
    void aBrokenRepositoryIsReportedNotThrown() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
        }
        Files.writeString(repo.resolve(".git/HEAD"), "0123456789012345678901234567890123456789\n");

        ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));

        assertThat(changes.precise()).isFalse();
        assertThat(changes.baseSource()).isEqualTo(ChangeSet.NONE);
        assertThat(changes.runAllReason()).startsWith("git error: ").doesNotContain("\n");
    }
}
