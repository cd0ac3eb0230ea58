package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads {@link GitState} with JGit. Never throws: problems end up in {@link GitState#problem()}.
 *
 * <p>Each part (HEAD, shallow, origin, status) is read on its own, so a failure in one leaves the
 * others filled in and names itself in {@code problem}.
 *
 * <p>Change kinds: staged new files are {@code ADDED}; staged or unstaged edits and conflicts
 * {@code MODIFIED}; staged or unstaged deletions {@code DELETED}; files neither tracked nor ignored
 * {@code UNTRACKED}. A path in several of JGit's sets gets the first of ADDED, DELETED, MODIFIED,
 * UNTRACKED. JGit's status does no rename detection, so a rename shows as {@code DELETED} plus
 * {@code ADDED} (staged) or {@code UNTRACKED}; {@code RENAMED} is never produced here.
 */
public final class GitInspector {
    private GitInspector() {}

    /**
     * The root of the working tree containing {@code dir} (searching upwards), or empty outside git or in a bare
     * repository. Change-set paths are relative to it.
     */
    public static Optional<Path> workTree(Path dir) {
        try {
            FileRepositoryBuilder builder = repositoryAt(dir);
            if (builder == null) {
                return Optional.empty();
            }
            builder.setup();
            return builder.getWorkTree() == null
                    ? Optional.empty()
                    : Optional.of(
                            builder.getWorkTree().toPath().toAbsolutePath().normalize());
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * HEAD's commit id and committer time in the repository containing {@code dir}, or empty when there is none or it
     * cannot be read.
     */
    public static Optional<HeadCommit> headCommit(Path dir) {
        try {
            FileRepositoryBuilder builder = repositoryAt(dir);
            if (builder == null) {
                return Optional.empty();
            }
            builder.setMustExist(true);
            try (Repository repository = builder.build();
                    RevWalk walk = new RevWalk(repository)) {
                ObjectId head = repository.resolve("HEAD");
                if (head == null) {
                    return Optional.empty();
                }
                RevCommit commit = walk.parseCommit(head);
                return Optional.of(
                        new HeadCommit(commit.name(), commit.getCommitterIdent().getWhenAsInstant()));
            }
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The builder of the repository containing {@code dir} (searching upwards), or {@code null} outside git. */
    private static FileRepositoryBuilder repositoryAt(Path dir) {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        return builder.getGitDir() == null ? null : builder;
    }

    /** A commit id and its committer time. */
    public record HeadCommit(String id, java.time.Instant committedAt) {}

    /** Inspects the repository containing {@code dir} (searching upwards). */
    public static GitState inspect(Path dir) {
        Repository repository;
        try {
            FileRepositoryBuilder builder =
                    new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return GitState.unavailable("not a git repository: " + dir);
            }
            builder.setMustExist(true);
            repository = builder.build();
        } catch (Exception | LinkageError e) {
            return GitState.unavailable("cannot open git repository at " + dir + ": " + describe(e));
        }
        try (repository) {
            return read(repository);
        } catch (Exception | LinkageError e) {
            return new GitState(
                    true, null, null, false, false, null, List.of(), "cannot read git repository: " + describe(e));
        }
    }

    private static GitState read(Repository repository) {
        List<String> problems = new ArrayList<>();

        String commit = null;
        String branch = null;
        boolean detached = false;
        try {
            Ref head = repository.exactRef("HEAD");
            if (head == null) {
                problems.add("no HEAD");
            } else {
                ObjectId id = head.getObjectId(); // null on an unborn branch
                commit = id == null ? null : id.name();
                if (head.isSymbolic()) {
                    branch = Repository.shortenRefName(head.getTarget().getName());
                } else {
                    detached = true;
                }
            }
        } catch (Exception e) {
            problems.add("HEAD: " + describe(e));
        }

        boolean shallow = false;
        try {
            // Read through the object database: in a linked worktree the shallow file is in the common dir.
            shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (Exception e) {
            problems.add("shallow: " + describe(e));
        }

        String remoteUrl = null;
        try {
            remoteUrl = RemoteUrls.withoutUserInfo(repository.getConfig().getString("remote", "origin", "url"));
        } catch (Exception e) {
            problems.add("origin: " + describe(e));
        }

        List<Change> changes = List.of();
        if (repository.isBare()) {
            problems.add("bare repository: no working tree");
        } else {
            try (Git git = Git.wrap(repository)) {
                changes = changes(git.status().call());
            } catch (Exception e) {
                problems.add("status: " + describe(e));
            }
        }

        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        return new GitState(true, commit, branch, detached, shallow, remoteUrl, changes, problem);
    }

    private static List<Change> changes(Status status) {
        Map<String, String> kinds = new TreeMap<>(); // sorted by path: stable across runs
        put(kinds, status.getAdded(), "ADDED");
        put(kinds, status.getRemoved(), "DELETED");
        put(kinds, status.getMissing(), "DELETED");
        put(kinds, status.getChanged(), "MODIFIED");
        put(kinds, status.getModified(), "MODIFIED");
        put(kinds, status.getConflicting(), "MODIFIED");
        put(kinds, status.getUntracked(), "UNTRACKED");
        List<Change> changes = new ArrayList<>(kinds.size());
        kinds.forEach((path, kind) -> changes.add(new Change(path, kind)));
        return changes;
    }

    private static void put(Map<String, String> kinds, Set<String> paths, String kind) {
        for (String path : paths) {
            kinds.putIfAbsent(path, kind);
        }
    }

    /** One line, and never a URL's user-info: JGit messages may quote a remote URL. */
    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return RemoteUrls.redactUserInfo(message.replaceAll("\\s+", " ").strip());
    }
}
