package dev.ard.core.git;

import static dev.ard.core.git.GitFixture.commit;
import static dev.ard.core.git.GitFixture.init;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.telemetry.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInspectorTest {
    @TempDir
    Path tmp;

    private static void setOrigin(Git git, String url) throws IOException {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.save();
    }

    @Test
    void aCleanRepository() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit head = commit(git, "pom.xml", "<project/>");
            setOrigin(git, "https://github.com/acme/app.git");

            GitState state = GitInspector.inspect(repo);

            assertThat(state)
                    .isEqualTo(new GitState(
                            true,
                            head.name(),
                            "main",
                            false,
                            false,
                            "https://github.com/acme/app.git",
                            List.of(),
                            null));
            assertThat(state.dirty()).isFalse();
        }
    }

    @Test
    void findsTheRepositoryAboveAModule() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit head = commit(git, "module/pom.xml", "<project/>");
            Files.createDirectories(repo.resolve("module/src/main/java"));
            GitState state = GitInspector.inspect(repo.resolve("module/src/main/java"));
            assertThat(state.available()).isTrue();
            assertThat(state.commit()).isEqualTo(head.name());
            assertThat(state.remoteUrl()).isNull();
        }
    }

    @Test
    void everyKindOfUncommittedChange() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, ".gitignore", "target/\n");
            commit(git, "a/Edited.java", "1");
            commit(git, "a/Staged.java", "1");
            commit(git, "a/Removed.java", "1");
            commit(git, "a/Deleted.java", "1");
            commit(git, "a/Old.java", "1");

            Files.writeString(repo.resolve("a/Edited.java"), "2"); // unstaged edit
            Files.writeString(repo.resolve("a/Staged.java"), "2"); // staged edit
            git.add().addFilepattern("a/Staged.java").call();
            git.rm().addFilepattern("a/Removed.java").call(); // staged delete
            Files.delete(repo.resolve("a/Deleted.java")); // unstaged delete
            Files.writeString(repo.resolve("a/New.java"), "1"); // staged new
            git.add().addFilepattern("a/New.java").call();
            Files.writeString(repo.resolve("a/Loose.java"), "1"); // untracked
            Files.createDirectories(repo.resolve("target"));
            Files.writeString(repo.resolve("target/Ignored.class"), "x"); // ignored
            git.rm().addFilepattern("a/Old.java").call(); // a rename, staged
            Files.writeString(repo.resolve("a/Renamed.java"), "1");
            git.add().addFilepattern("a/Renamed.java").call();

            GitState state = GitInspector.inspect(repo);

            assertThat(state.problem()).isNull();
            assertThat(state.dirty()).isTrue();
            assertThat(state.changes())
                    .containsExactly(
                            new Change("a/Deleted.java", "DELETED"),
                            new Change("a/Edited.java", "MODIFIED"),
                            new Change("a/Loose.java", "UNTRACKED"),
                            new Change("a/New.java", "ADDED"),
                            new Change("a/Old.java", "DELETED"),
                            new Change("a/Removed.java", "DELETED"),
                            new Change("a/Renamed.java", "ADDED"),
                            new Change("a/Staged.java", "MODIFIED"));
        }
    }

    @Test
    void aDetachedHead() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            RevCommit first = commit(git, "a.txt", "1");
            commit(git, "a.txt", "2");
            git.checkout().setName(first.name()).call();

            GitState state = GitInspector.inspect(repo);

            assertThat(state.detached()).isTrue();
            assertThat(state.branch()).isNull();
            assertThat(state.commit()).isEqualTo(first.name());
            assertThat(state.problem()).isNull();
        }
    }

    @Test
    void aShallowClone() throws Exception {
        Path origin = tmp.resolve("origin");
        RevCommit head;
        try (Git git = init(origin)) {
            commit(git, "a.txt", "1");
            commit(git, "a.txt", "2");
            head = commit(git, "a.txt", "3");
        }
        Path clone = tmp.resolve("clone");
        Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(clone.toFile())
                .setDepth(1)
                .call()
                .close();

        GitState state = GitInspector.inspect(clone);

        assertThat(Files.exists(clone.resolve(".git/shallow"))).isTrue();
        assertThat(state.shallow()).isTrue();
        assertThat(state.commit()).isEqualTo(head.name());
        assertThat(state.branch()).isEqualTo("main");
        assertThat(state.remoteUrl()).isEqualTo(origin.toUri().toString());
        assertThat(state.problem()).isNull();
        assertThat(GitInspector.inspect(origin).shallow()).isFalse();
    }

    @Test
    void notARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain/module"));
        assumeTrue(!Files.exists(tmp.getRoot().resolve(".git")), "the file system root is itself a git repository");
        GitState state = GitInspector.inspect(plain);
        assertThat(state.available()).isFalse();
        assertThat(state.commit()).isNull();
        assertThat(state.changes()).isEmpty();
        assertThat(state.problem()).isEqualTo("not a git repository: " + plain);
    }

    @Test
    void anUnbornBranch() throws Exception {
        Path repo = tmp.resolve("repo");
        init(repo).close();
        Files.writeString(repo.resolve("pom.xml"), "<project/>");

        GitState state = GitInspector.inspect(repo);

        assertThat(state.available()).isTrue();
        assertThat(state.commit()).isNull();
        assertThat(state.branch()).isEqualTo("main");
        assertThat(state.detached()).isFalse();
        assertThat(state.changes()).containsExactly(new Change("pom.xml", "UNTRACKED"));
        assertThat(state.problem()).isNull();
    }

    @Test
    void credentialsInTheOriginUrlAreDropped() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
            setOrigin(git, "https://user:ghp_s3cr3tT0ken@github.com/acme/app.git");
            GitState state = GitInspector.inspect(repo);
            assertThat(state.remoteUrl()).isEqualTo("https://github.com/acme/app.git");
            assertThat(state.toString()).doesNotContain("s3cr3t");
        }
    }

    @Test
    void aBrokenRepositoryIsReportedNotThrown() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
        }
        // HEAD names a commit that does not exist, and the index is garbage
        Files.writeString(repo.resolve(".git/HEAD"), "0123456789012345678901234567890123456789\n");
        Files.writeString(repo.resolve(".git/index"), "not an index");
        GitState state = GitInspector.inspect(repo);
        assertThat(state.available()).isTrue();
        assertThat(state.detached()).isTrue();
        assertThat(state.problem()).startsWith("status: ").doesNotContain("\n");
    }

    @Test
    void aLinkedWorktree() throws Exception {
        assumeTrue(gitCliAvailable(), "the git command line is needed to create a linked worktree");
        Path repo = tmp.resolve("repo");
        Path worktree = tmp.resolve("wt");
        try (Git git = init(repo)) {
            commit(git, "a.txt", "1");
            setOrigin(git, "git@github.com:acme/app.git");
        }
        run(repo, "git", "worktree", "add", "-b", "feature", worktree.toString());
        Files.writeString(worktree.resolve("a.txt"), "changed");
        Files.createDirectories(worktree.resolve("module"));

        GitState state = GitInspector.inspect(worktree.resolve("module"));

        assertThat(state.problem()).isNull();
        assertThat(state.branch()).isEqualTo("feature");
        assertThat(state.remoteUrl()).isEqualTo("github.com:acme/app.git");
        assertThat(state.changes()).containsExactly(new Change("a.txt", "MODIFIED"));
        assertThat(GitInspector.inspect(repo).changes()).isEmpty();
    }

    private static boolean gitCliAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
