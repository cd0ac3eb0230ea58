package dev.ard.core.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Ancestry questions about recorded commits, answered from the local repository: does a later build's commit contain
 * an earlier build's commit (the report's selection misses). Answers are cached; a commit the clone does not have
 * (another fork, garbage-collected, shallow history) contains nothing and is contained by nothing but itself. Outside
 * a repository every commit contains only itself.
 */
public final class CommitGraph implements AutoCloseable {
    private final Repository repository;
    private final RevWalk walk;
    private final Map<String, Boolean> answers = new HashMap<>();

    private CommitGraph(Repository repository) {
        this.repository = repository;
        this.walk = repository == null ? null : new RevWalk(repository);
    }

    /**
     * The graph of the repository containing {@code dir} (searching upwards); outside git, or when the repository
     * cannot be opened, one that knows only that a commit contains itself ({@link #hasRepository()} false).
     */
    public static CommitGraph at(Path dir) {
        FileRepositoryBuilder builder =
                new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return new CommitGraph(null);
        }
        try {
            return new CommitGraph(builder.setMustExist(true).build());
        } catch (IOException | RuntimeException e) {
            return new CommitGraph(null);
        }
    }

    /** Whether the answers come from a repository (else only equal commits contain each other). */
    public boolean hasRepository() {
        return repository != null;
    }

    /** True when {@code earlier} is {@code later} or one of its ancestors. */
    public boolean contains(String later, String earlier) {
        if (later.equals(earlier)) {
            return true;
        }
        if (repository == null) {
            return false;
        }
        return answers.computeIfAbsent(later + ':' + earlier, k -> ancestor(later, earlier));
    }

    private boolean ancestor(String later, String earlier) {
        try {
            RevCommit descendant = commit(later);
            RevCommit ancestor = commit(earlier);
            if (descendant == null || ancestor == null) {
                return false;
            }
            walk.reset();
            return walk.isMergedInto(ancestor, descendant);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private RevCommit commit(String id) throws IOException {
        if (!ObjectId.isId(id)) {
            return null;
        }
        try {
            return walk.parseCommit(ObjectId.fromString(id));
        } catch (MissingObjectException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (repository != null) {
            walk.close();
            repository.close();
        }
    }
}
