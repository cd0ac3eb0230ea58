package dev.ard.core.git;

import static dev.ard.core.git.GitFixture.commit;
import static dev.ard.core.git.GitFixture.commitStaged;
import static dev.ard.core.git.GitFixture.gitCliAvailable;
import static dev.ard.core.git.GitFixture.init;
import static dev.ard.core.git.GitFixture.javaClass;
import static dev.ard.core.git.GitFixture.run;
import static dev.ard.core.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.telemetry.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a change, and of which kind. */
class ChangeSetChangesTest {
    @TempDir
    Path tmp;

    @Test
    void committedStagedUnstagedAndUntrackedButNotIgnored() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, ".gitignore", "target/\n*.log\n");
            commit(git, "a/Edited.java", "1");
            commit(git, "a/Staged.java", "1");
            commit(git, "a/Removed.java", "1");
            commit(git, "a/Deleted.java", "1");
            RevCommit base = commit(git, "a/CommittedThenEdited.java", "1");
            commit(git, "a/CommittedThenEdited.java", "2"); // committed since the base
            commit(git, "b/CommittedNew.java", "1");
            commit(git, "b/CommittedThenDeleted.java", "1");
            Files.delete(repo.resolve("b/CommittedThenDeleted.java"));

            write(git, "a/CommittedThenEdited.java", "3"); // ... and edited again: listed once
            write(git, "a/Edited.java", "2"); // unstaged edit
            write(git, "a/Staged.java", "2"); // staged edit
            git.add().addFilepattern("a/Staged.java").call();
            git.rm().addFilepattern("a/Removed.java").call(); // staged delete
            Files.delete(repo.resolve("a/Deleted.java")); // unstaged delete
            write(git, "a/New.java", "1"); // staged new
            git.add().addFilepattern("a/New.java").call();
            write(git, "a/Loose.java", "1"); // untracked
            write(git, "fresh/deep/er/pkg/Nested.java", "1"); // untracked, in new nested dirs
            write(git, "fresh/deep/Other.java", "1");
            Files.createDirectories(repo.resolve("fresh/empty/dir")); // nothing to list
            write(git, "target/classes/A.class", "x"); // ignored
            write(git, "fresh/target/B.class", "x"); // ignored inside an untracked dir
            write(git, "build.log", "x"); // ignored by pattern

            ChangeSet changes = ChangeSetResolver.resolve(repo.resolve("a"), BaseCandidates.explicit(base.name()));

            assertThat(changes.runAllReason()).isNull();
            assertThat(changes.changes())
                    .containsExactly(
                            new Change("a/CommittedThenEdited.java", "MODIFIED"),
                            new Change("a/Deleted.java", "DELETED"),
                            new Change("a/Edited.java", "MODIFIED"),
                            new Change("a/Loose.java", "UNTRACKED"),
                            new Change("a/New.java", "ADDED"),
                            new Change("a/Removed.java", "DELETED"),
                            new Change("a/Staged.java", "MODIFIED"),
                            new Change("b/CommittedNew.java", "ADDED"),
                            new Change("b/CommittedThenDeleted.java", "DELETED"),
                            new Change("fresh/deep/Other.java", "UNTRACKED"),
                            new Change("fresh/deep/er/pkg/Nested.java", "UNTRACKED"));
        }
    }

    @Test
    void aCommittedRenameListsBothPaths() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "src/p/Old.java", javaClass("Old", ""));
            RevCommit base = commit(git, "src/p/Gone.java", "class Gone {}");
            Files.move(
                    repo.resolve("src/p/Old.java"),
                    Files.createDirectories(repo.resolve("src/q")).resolve("New.java"));
            Files.writeString(repo.resolve("src/q/New.java"), javaClass("New", "    void added() {}\n"));
            git.rm()
                    .addFilepattern("src/p/Old.java")
                    .addFilepattern("src/p/Gone.java")
                    .call();
            git.add().addFilepattern("src/q/New.java").call();
            commitStaged(git, "rename and delete");

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.explicit(base.name()));

            assertThat(changes.changes())
                    .containsExactly(
                            new Change("src/p/Gone.java", "DELETED"),
                            new Change("src/p/Old.java", "DELETED"),
                            new Change("src/q/New.java", "RENAMED"));
        }
    }

    @Test
    void anUncommittedRenameListsBothPathsToo() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "src/Old.java", javaClass("Old", ""));
            commit(git, "src/Moved.java", javaClass("Moved", ""));
            Files.move(repo.resolve("src/Old.java"), repo.resolve("src/New.java")); // staged rename
            git.rm().addFilepattern("src/Old.java").call();
            git.add().addFilepattern("src/New.java").call();
            Files.move(repo.resolve("src/Moved.java"), repo.resolve("src/There.java")); // not even staged

            ChangeSet changes = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));

            assertThat(changes.changes())
                    .containsExactly(
                            new Change("src/Moved.java", "DELETED"),
                            new Change("src/New.java", "ADDED"),
                            new Change("src/Old.java", "DELETED"),
                            new Change("src/There.java", "UNTRACKED"));
        }
    }

    @Test
    void aSubmoduleIsOneChangeWhetherItsPointerMovedOrItsTreeIsDirty() throws Exception {
        Path lib = tmp.resolve("lib");
        RevCommit libSecond;
        try (Git upstream = init(lib)) {
            commit(upstream, "Lib.java", "class Lib {}");
            libSecond = commit(upstream, "Lib.java", "class Lib { int v2; }");
        }
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");
            git.submoduleAdd()
                    .setPath("modules/lib")
                    .setURI(lib.toUri().toString())
                    .call()
                    .close();
            RevCommit withSubmodule = commitStaged(git, "add submodule");
            assertThat(ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"))
                            .changes())
                    .isEmpty();

            try (Repository sub = SubmoduleWalk.getSubmoduleRepository(git.getRepository(), "modules/lib");
                    Git subGit = Git.wrap(sub)) {
                subGit.checkout().setName(libSecond.getParent(0).name()).call(); // pointer moved, not staged
                ChangeSet moved = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));
                assertThat(moved.changes()).containsExactly(new Change("modules/lib", "MODIFIED"));

                git.add().addFilepattern("modules/lib").call();
                commitStaged(git, "move the submodule back"); // pointer change, committed
                ChangeSet committed = ChangeSetResolver.resolve(repo, BaseCandidates.explicit(withSubmodule.name()));
                assertThat(committed.changes()).containsExactly(new Change("modules/lib", "MODIFIED"));
                assertThat(ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"))
                                .changes())
                        .isEmpty();

                write(subGit, "Lib.java", "class Lib { int dirty; }"); // dirty submodule tree
                ChangeSet dirty = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));
                assertThat(dirty.changes()).containsExactly(new Change("modules/lib", "MODIFIED"));

                subGit.checkout().addPath("Lib.java").call();
                write(subGit, "src/Untracked.java", "class U {}"); // untracked inside it
                ChangeSet untracked = ChangeSetResolver.resolve(repo, BaseCandidates.explicit("HEAD"));
                assertThat(untracked.changes()).containsExactly(new Change("modules/lib", "MODIFIED"));
            }
            // a submodule added since the base is new, and still one path
            ChangeSet added = ChangeSetResolver.resolve(
                    repo, BaseCandidates.explicit(withSubmodule.getParent(0).name()));
            assertThat(added.changes())
                    .containsExactly(new Change(".gitmodules", "ADDED"), new Change("modules/lib", "ADDED"));
        }
    }

    @Test
    void anUninitializedSubmoduleIsNoChange() throws Exception {
        Path lib = tmp.resolve("lib");
        try (Git upstream = init(lib)) {
            commit(upstream, "Lib.java", "class Lib {}");
        }
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "pom.xml", "<project/>");
            git.submoduleAdd()
                    .setPath("lib")
                    .setURI(lib.toUri().toString())
                    .call()
                    .close();
            commitStaged(git, "add submodule");
        }
        Path clone = tmp.resolve("clone");
        GitFixture.cloneOf(repo, clone).close(); // without --recurse-submodules: an empty directory
        assertThat(clone.resolve("lib/Lib.java")).doesNotExist();

        ChangeSet changes = ChangeSetResolver.resolve(clone, BaseCandidates.explicit("HEAD"));

        assertThat(changes).isEqualTo(new ChangeSet(changes.baseCommit(), ChangeSet.EXPLICIT, List.of(), null));
    }

    @Test
    void aLinkedWorktreeIsReadFromInside() throws Exception {
        assumeTrue(gitCliAvailable(), "the git command line is needed to create a linked worktree");
        Path repo = tmp.resolve("repo");
        Path worktree = tmp.resolve("wt");
        RevCommit base;
        try (Git git = init(repo)) {
            base = commit(git, "a.txt", "1");
        }
        run(repo, "git", "worktree", "add", "-b", "feature", worktree.toString());
        run(
                worktree,
                "git",
                "-c",
                "user.name=T",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "--allow-empty",
                "-m",
                "empty");
        Files.writeString(worktree.resolve("b.txt"), "new");
        Files.createDirectories(worktree.resolve("module"));

        ChangeSet changes =
                ChangeSetResolver.resolve(worktree.resolve("module"), new BaseCandidates(null, "main", null));

        assertThat(changes)
                .isEqualTo(new ChangeSet(base.name(), ChangeSet.CI, List.of(new Change("b.txt", "UNTRACKED")), null));
    }
}
