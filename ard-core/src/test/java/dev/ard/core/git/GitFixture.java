package dev.ard.core.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

/** Real repositories for the change-set tests: init, write, commit, clone, and the git command line. */
final class GitFixture {
    private GitFixture() {}

    static Git init(Path dir) throws Exception {
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    static Path write(Git git, String file, String content) throws IOException {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, UTF_8);
        return path;
    }

    /** Writes {@code file} and commits it (nothing else staged by this call). */
    static RevCommit commit(Git git, String file, String content) throws Exception {
        write(git, file, content);
        git.add().addFilepattern(file).call();
        return commitStaged(git, "change " + file);
    }

    static RevCommit commitStaged(Git git, String message) throws Exception {
        return git.commit()
                .setMessage(message)
                .setAuthor("Test", "test@example.com")
                .setCommitter("Test", "test@example.com")
                .setSign(false)
                .call();
    }

    static Git cloneOf(Path origin, Path dir) throws Exception {
        return Git.cloneRepository()
                .setURI(origin.toUri().toString())
                .setDirectory(dir.toFile())
                .call();
    }

    /** A text long enough for rename detection to find it again after small edits. */
    static String javaClass(String name, String body) {
        StringBuilder text = new StringBuilder("package p;\n\npublic class " + name + " {\n");
        for (int i = 0; i < 20; i++) {
            text.append("    int field").append(i).append(" = ").append(i).append(";\n");
        }
        return text.append(body).append("}\n").toString();
    }

    static boolean gitCliAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
