package dev.ard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A fresh copy of a sample project, optionally made a git repository with JGit. */
final class Sample {
    static final String TELEMETRY = "telemetry-sample";
    static final String SELECTION = "selection-sample";

    /** Every test class of the selection sample (Surefire's and Failsafe's). */
    static final java.util.Set<String> SELECTION_TEST_CLASSES = java.util.Set.of(
            "com.acme.core.LeafTest",
            "com.acme.core.OtherTest",
            "com.acme.core.RegistryTest",
            "com.acme.core.DynamicTest",
            "com.acme.core.EnvTest",
            "com.acme.app.ServiceTest",
            "com.acme.app.StandaloneTest",
            "com.acme.app.ServiceIT");

    private static final PersonIdent AUTHOR =
            new PersonIdent("ARD IT", "it@ard.dev", Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    private final Path dir;

    private int builds;

    private Sample(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code it/src/it/<name>} to {@code target}, replacing any earlier copy, with ARD's version filled in. */
    static Sample copy(String name, Path target) throws IOException {
        deleteTree(target);
        Path source = ItEnvironment.samples().resolve(name);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.copy(f, target.resolve(source.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        Path extensions = target.resolve(".mvn/extensions.xml");
        if (Files.exists(extensions)) {
            String xml = Files.readString(extensions, StandardCharsets.UTF_8);
            Files.writeString(
                    extensions, xml.replace("@project.version@", ItEnvironment.ardVersion()), StandardCharsets.UTF_8);
        }
        return new Sample(target);
    }

    /** A copy in {@code it/target/it-work/<test>}. */
    static Sample telemetry(String test) throws IOException {
        return copy(TELEMETRY, ItEnvironment.work().resolve(test));
    }

    /** A copy of the selection sample in {@code it/target/it-work/<test>}. */
    static Sample selection(String test) throws IOException {
        return copy(SELECTION, ItEnvironment.work().resolve(test));
    }

    /** {@code git checkout -b <branch>}. */
    Sample branch(String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            git.checkout().setCreateBranch(true).setName(branch).call();
        }
        return this;
    }

    /** {@code git checkout <branch>} of an existing branch. */
    Sample checkout(String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            git.checkout().setName(branch).call();
        }
        return this;
    }

    /** {@code git merge --no-ff <branch>} into the current branch: a merge commit whose parents are both heads. */
    Sample merge(String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            var result = git.merge()
                    .include(git.getRepository().resolve(branch))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false)
                    .call();
            if (!result.getMergeStatus().isSuccessful()) {
                throw new IllegalStateException("merge of " + branch + " failed: " + result.getMergeStatus());
            }
            git.commit()
                    .setMessage("merge " + branch)
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setSign(false)
                    .call();
        }
        return this;
    }

    /** Deletes a file if it is there. */
    Sample delete(String file) throws IOException {
        Files.deleteIfExists(dir.resolve(file));
        return this;
    }

    /** Writes a file (creating directories), without committing it. */
    Sample write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Replaces {@code from} with {@code to} in a file, failing when {@code from} is not there. */
    Sample edit(String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        return write(file, text.replace(from, to));
    }

    /** {@code git add -A && git commit}. */
    Sample commitAll(String message) throws IOException, GitAPIException {
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            git.commit()
                    .setMessage(message)
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setSign(false)
                    .call();
        }
        return this;
    }

    /** {@code git init -b main} and one commit of everything. */
    Sample gitInit() throws GitAPIException {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("sample")
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setSign(false)
                    .call();
        }
        return this;
    }

    /** Commits a change to a file (creating it), e.g. to give a repository some history. */
    Sample commit(String file, String content) throws IOException, GitAPIException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern(file).call();
            git.commit()
                    .setMessage("change " + file)
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setSign(false)
                    .call();
        }
        return this;
    }

    /** The HEAD commit sha. */
    String head() throws IOException {
        try (Git git = Git.open(dir.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    Path dir() {
        return dir;
    }

    /** The default store of this sample. */
    /** The next build's name in the IT's log directory: build-1, build-2, … of this sample. */
    String nextBuild() {
        return "build-" + (++builds);
    }

    /** {@code mvn verify <args>} on this sample, as its next numbered build. */
    MavenLog verify(String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return maven(all).run(nextBuild());
    }

    /** The test classes of the newest build in the store: those that ran ({@code true}) or were skipped. */
    java.util.Set<String> newestBuildClasses(boolean ran) throws Exception {
        try (TelemetryDb db = TelemetryDb.open(store())) {
            return db.newestBuildClasses(ran);
        }
    }

    Path store() {
        return dir.resolve(".ard/telemetry.db");
    }

    Path pending() {
        return dir.resolve(".ard/pending");
    }

    Maven maven(String... args) {
        return Maven.in(dir).args(args);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
