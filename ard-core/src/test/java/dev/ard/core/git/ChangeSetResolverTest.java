package dev.ard.core.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change sets of real JGit repositories: every base source, every kind of change, every way it can fail. */
class ChangeSetResolverTest {
    @TempDir
    Path tmp;

    private static Git init(Path dir) throws Exception {
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    private static void write(Git git, String file, String content) throws Exception {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, UTF_8);
    }

    private static RevCommit commit(Git git, String file, String content) throws Exception {
        write(git, file, content);
        git.add().addFilepattern(file).call();
        return commitStaged(git, "change " + file);
    }

    private static RevCommit commitStaged(Git git, String message) throws Exception {
        return git.commit().setMessage(message).setAuthor("T", "t@example.com").setCommitter("T", "t@example.com").setSign(false).call();
    }

    private static Path workTree(Git git) {
        return git.getRepository().getWorkTree().toPath();
    }

    @Test
    void explicitBaseBySha() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            RevCommit base = commit(git, "a/A.java", "1");
            commit(git, "b/B.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit(base.name()));

            assertThat(set.precise()).isTrue();
            assertThat(set.baseCommit()).isEqualTo(base.name());
            assertThat(set.baseSource()).isEqualTo(ChangeSet.EXPLICIT);
            assertThat(set.changes()).containsExactly(new Change("b/B.java", "ADDED"));
        }
    }

    @Test
    void explicitBaseByRelativeRevisionAndByBranch() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, "a/A.java", "1");
            git.branchCreate().setName("base").call();
            commit(git, "a/A.java", "2");

            assertThat(ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit("HEAD~1")).paths()).containsExactly("a/A.java");
            assertThat(ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit("base")).changes())
                    .containsExactly(new Change("a/A.java", "MODIFIED"));
        }
    }

    @Test
    void explicitBaseThatDoesNotResolveRunsAllAndNamesIt() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, "a/A.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), new BaseCandidates("origin/nope", "main", null));

            assertThat(set.precise()).isFalse();
            assertThat(set.runAllReason()).contains("origin/nope").contains("does not resolve");
        }
    }

    @Test
    void ciBaseIsTheMergeBaseSoWhatTheTargetGainedDoesNotCount() throws Exception {
        Path origin = tmp.resolve("origin");
        try (Git upstream = init(origin)) {
            commit(upstream, "core/Core.java", "1");
        }
        try (Git git = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(tmp.resolve("clone").toFile()).call()) {
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, "feature/F.java", "1");
            // main moves on after the fork, and the clone fetches it
            try (Git upstream = Git.open(origin.toFile())) {
                commit(upstream, "core/Later.java", "1");
            }
            git.fetch().call();

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), new BaseCandidates(null, "main", null));

            assertThat(set.baseSource()).isEqualTo(ChangeSet.CI);
            assertThat(set.paths()).containsExactly("feature/F.java");
        }
    }

    @Test
    void ciBaseFallsBackToTheLocalBranchWithoutARemote() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, "a/A.java", "1");
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, "a/B.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), new BaseCandidates(null, "main", null));

            assertThat(set.baseSource()).isEqualTo(ChangeSet.CI);
            assertThat(set.paths()).containsExactly("a/B.java");
        }
    }

    @Test
    void lastGreenCommitIsComparedDirectlyAndItsDirtyFilesCountToo() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            RevCommit green = commit(git, "a/A.java", "1");
            commit(git, "a/B.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git),
                    new BaseCandidates(null, null, green.name(), List.of("a/WasDirty.java", "a/B.java")));

            assertThat(set.baseSource()).isEqualTo(ChangeSet.LAST_GREEN);
            assertThat(set.changes()).containsExactly(new Change("a/B.java", "ADDED"), new Change("a/WasDirty.java", "MODIFIED"));
        }
    }

    @Test
    void dirtyFilesOfTheGreenBuildDoNotCountForAnotherBase() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            RevCommit base = commit(git, "a/A.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), new BaseCandidates(base.name(), null, base.name(), List.of("a/X.java")));

            assertThat(set.baseSource()).isEqualTo(ChangeSet.EXPLICIT);
            assertThat(set.changes()).isEmpty();
        }
    }

    @Test
    void noBaseAtAllRunsAllAndSaysWhy() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, "a/A.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.NONE);

            assertThat(set.precise()).isFalse();
            assertThat(set.runAllReason()).startsWith("no base commit");
        }
    }

    @Test
    void stagedUnstagedUntrackedAndDeletedCountIgnoredDoesNot() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, ".gitignore", "target/\n");
            commit(git, "a/Kept.java", "1");
            commit(git, "a/Gone.java", "1");
            RevCommit base = commit(git, "a/Edited.java", "1");
            write(git, "a/Staged.java", "1");
            git.add().addFilepattern("a/Staged.java").call();
            write(git, "a/Edited.java", "2");
            write(git, "new/deep/dir/Untracked.java", "1");
            write(git, "target/classes/Ignored.class", "x");
            Files.delete(workTree(git).resolve("a/Gone.java"));

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit(base.name()));

            assertThat(set.changes()).containsExactly(
                    new Change("a/Edited.java", "MODIFIED"),
                    new Change("a/Gone.java", "DELETED"),
                    new Change("a/Staged.java", "ADDED"),
                    new Change("new/deep/dir/Untracked.java", "UNTRACKED"));
        }
    }

    @Test
    void aCommittedRenameReportsBothPaths() throws Exception {
        try (Git git = init(tmp.resolve("r"))) {
            RevCommit base = commit(git, "a/Old.java", "class Old { /* enough text for rename detection to pair the files */ }\n");
            Files.move(workTree(git).resolve("a/Old.java"), workTree(git).resolve("a/New.java"));
            git.add().addFilepattern("a/New.java").call();
            git.rm().addFilepattern("a/Old.java").call();
            commitStaged(git, "rename");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit(base.name()));

            assertThat(set.changes()).containsExactly(new Change("a/New.java", "RENAMED"), new Change("a/Old.java", "DELETED"));
        }
    }

    @Test
    void aSubmodulePointerChangeIsItsDirectory() throws Exception {
        Path library = tmp.resolve("library");
        RevCommit second;
        try (Git lib = init(library)) {
            commit(lib, "Lib.java", "1");
        }
        try (Git git = init(tmp.resolve("r"))) {
            commit(git, "a/A.java", "1");
            git.submoduleAdd().setURI(library.toUri().toString()).setPath("libs/library").call().close();
            RevCommit base = commitStaged(git, "add submodule");
            try (Git lib = Git.open(library.toFile())) {
                second = commit(lib, "Lib.java", "2");
            }
            try (Git sub = Git.open(workTree(git).resolve("libs/library").toFile())) {
                sub.pull().call();
                assertThat(sub.getRepository().resolve("HEAD").name()).isEqualTo(second.name());
            }

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit(base.name()));

            assertThat(set.paths()).containsExactly("libs/library");
        }
    }

    @Test
    void aShallowCloneWithoutTheBaseRunsAllWithAHint() throws Exception {
        Path origin = tmp.resolve("origin");
        RevCommit first;
        try (Git upstream = init(origin)) {
            first = commit(upstream, "a/A.java", "1");
            commit(upstream, "a/A.java", "2");
            commit(upstream, "a/A.java", "3");
        }
        try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(tmp.resolve("shallow").toFile()).setDepth(1)
                .call()) {
            assertThat(clone.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();

            ChangeSet set = ChangeSetResolver.resolve(workTree(clone), new BaseCandidates(null, null, first.name()));

            assertThat(set.precise()).isFalse();
            assertThat(set.runAllReason()).contains("shallow clone without the base").contains("fetch-depth");
        }
    }

    @Test
    void outsideGitAndOnAnUnbornBranchItRunsAll() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        // @TempDir may itself sit inside a git checkout (a developer's); only assert when it does not
        if (GitInspector.workTree(plain).isEmpty()) {
            assertThat(ChangeSetResolver.resolve(plain, BaseCandidates.explicit("HEAD")).runAllReason()).contains("not inside a git repository");
        }
        try (Git git = init(tmp.resolve("unborn"))) {
            write(git, "a/A.java", "1");

            ChangeSet set = ChangeSetResolver.resolve(workTree(git), BaseCandidates.explicit("HEAD"));

            assertThat(set.precise()).isFalse();
            assertThat(set.runAllReason()).isEqualTo("HEAD has no commit yet");
            assertThat(set.paths()).containsExactly("a/A.java");
        }
    }

    @Test
    void givenChangesAreSortedAndUnique() {
        ChangeSet set = ChangeSet.of(List.of("b/B.java", "a/A.java", "b/B.java"));

        assertThat(set.paths()).containsExactly("a/A.java", "b/B.java");
        assertThat(set.baseSource()).isEqualTo(ChangeSet.GIVEN);
        assertThat(set.precise()).isTrue();
    }
}
