package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a build's base commit and what changed since then. Never throws: every problem becomes a
 * {@link ChangeSet#runAllReason()}.
 *
 * <p>Base order: the explicit ref (alone: the user asked for exactly that comparison, falling back silently would
 * select against something else), else the CI's pull-request base, else the last green build of this branch.
 * For the explicit and the CI base the changes are taken from their merge base with HEAD, as {@code git diff
 * base...HEAD} does: what the target branch gained since the fork is not this change's doing. The last green
 * commit is compared directly, without a merge base: the tests passed on exactly that tree, so every difference
 * from it counts, even after a rebase.
 */
public final class ChangeSetResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSetResolver.class);
    private static final String FETCH_HINT = " (fetch more history, e.g. actions/checkout fetch-depth: 0)";

    private ChangeSetResolver() {}

    /** Resolves the change set of the working tree containing {@code dir} (the repository is searched upwards). */
    public static ChangeSet resolve(Path dir, BaseCandidates candidates) {
        BaseCandidates wanted = candidates == null ? BaseCandidates.NONE : candidates;
        Repository repo;
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return ChangeSet.runAll(List.of(), "not inside a git repository: " + dir);
            }
            repo = builder.setMustExist(true).build();
        } catch (IOException | RuntimeException e) {
            return ChangeSet.runAll(List.of(), "git: cannot open the repository at " + dir + ": " + describe(e));
        }
        try (repo) {
            return resolve(repo, wanted);
        } catch (IOException | GitAPIException | RuntimeException e) {
            LOG.debug("change set failed", e);
            return ChangeSet.runAll(List.of(), "git error: " + describe(e));
        }
    }

    private static ChangeSet resolve(Repository repo, BaseCandidates wanted) throws IOException, GitAPIException {
        if (repo.isBare()) {
            return ChangeSet.runAll(List.of(), "bare repository: no working tree to compare");
        }
        ChangeCollector collector = new ChangeCollector(repo);
        ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
        if (head == null) {
            return ChangeSet.runAll(collector.collect(null, null), "HEAD has no commit yet");
        }
        boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
        Attempt base = chooseBase(repo, head, wanted, shallow);
        if (base.commit == null) {
            List<Change> uncommitted = collector.collect(head, head);
            return ChangeSet.runAll(uncommitted, base.failure);
        }
        List<Change> changes = collector.collect(base.commit, head);
        if (ChangeSet.LAST_GREEN.equals(base.source) && !wanted.lastGreenDirty().isEmpty()) {
            changes = withGreenDirty(changes, wanted.lastGreenDirty());
        }
        return new ChangeSet(base.commit.name(), base.source, changes, null);
    }

    private static Attempt chooseBase(Repository repo, ObjectId head, BaseCandidates wanted, boolean shallow)
            throws IOException {
        if (BaseCandidates.given(wanted.explicitRef())) {
            Attempt explicit = mergeBase(repo, head, wanted.explicitRef().trim(), shallow);
            return explicit.commit != null
                    ? explicit.from(ChangeSet.EXPLICIT)
                    : Attempt.failed("explicit base '" + wanted.explicitRef().trim() + "' " + explicit.failure);
        }
        List<String> failures = new ArrayList<>();
        if (BaseCandidates.given(wanted.ciBaseRef())) {
            String ref = wanted.ciBaseRef().trim();
            Attempt ci = null;
            for (String rev : ciRevisions(ref)) {
                ci = mergeBase(repo, head, rev, shallow);
                if (ci.commit != null) {
                    return ci.from(ChangeSet.CI);
                }
                if (!ci.unresolved) {
                    break; // the ref exists but has no usable merge base: a local namesake would not be better
                }
            }
            failures.add("CI base '" + ref + "' " + ci.failure);
        }
        if (BaseCandidates.given(wanted.lastGreenCommit())) {
            String sha = wanted.lastGreenCommit().trim();
            Attempt green = commit(repo, sha, shallow);
            if (green.commit != null) {
                return green.from(ChangeSet.LAST_GREEN);
            }
            failures.add("last green commit " + sha + " " + green.failure);
        }
        if (failures.isEmpty()) {
            return Attempt.failed("no base commit: no ard.baseRef, no CI pull-request base and no green build of "
                    + "this branch recorded");
        }
        return Attempt.failed("no usable base commit: " + String.join("; ", failures));
    }

    /** Adds the green build's dirty files (as {@code MODIFIED}) to the changes, keeping paths unique and sorted. */
    private static List<Change> withGreenDirty(List<Change> changes, List<String> dirty) {
        Map<String, Change> byPath = new TreeMap<>();
        for (String path : dirty) {
            byPath.put(path, new Change(path, "MODIFIED"));
        }
        for (Change change : changes) {
            byPath.put(change.path(), change);
        }
        return List.copyOf(byPath.values());
    }

    /** {@code origin/<ref>} first: on CI the local branch of that name is usually absent or stale. */
    private static List<String> ciRevisions(String ref) {
        if (ref.startsWith("refs/") || ref.startsWith(Constants.DEFAULT_REMOTE_NAME + "/")) {
            return List.of(ref);
        }
        return List.of(Constants.DEFAULT_REMOTE_NAME + "/" + ref, ref);
    }

    private static Attempt mergeBase(Repository repo, ObjectId head, String rev, boolean shallow) throws IOException {
        Attempt base = commit(repo, rev, shallow);
        if (base.commit == null) {
            return base;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(base.commit));
            RevCommit mergeBase = walk.next();
            if (mergeBase != null) {
                return new Attempt(mergeBase.copy(), null, null, false);
            }
        } catch (MissingObjectException e) {
            return Attempt.failed(missing(e.getObjectId(), shallow));
        }
        return Attempt.failed(shallow
                ? "has no merge base with HEAD in the fetched history: shallow clone without the base" + FETCH_HINT
                : "shares no history with HEAD");
    }

    private static Attempt commit(Repository repo, String rev, boolean shallow) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev);
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
            return Attempt.failed("does not resolve to a commit: " + describe(e));
        }
        if (id == null) {
            return new Attempt(null, null, shallow
                    ? "is not in this shallow clone: shallow clone without the base" + FETCH_HINT
                    : "does not resolve to a commit here", true);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return new Attempt(walk.parseCommit(id).copy(), null, null, false);
        } catch (MissingObjectException e) {
            return new Attempt(null, null, missing(id, shallow), true);
        } catch (IncorrectObjectTypeException e) {
            return Attempt.failed("does not name a commit: " + describe(e));
        }
    }

    private static String missing(ObjectId id, boolean shallow) {
        return "needs commit " + id.abbreviate(10).name() + ", which is not in the local repository"
                + (shallow ? ": shallow clone without the base" + FETCH_HINT : "");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    /** One base candidate's outcome: a commit, or why not ({@code unresolved}: the name itself is unknown). */
    private record Attempt(ObjectId commit, String source, String failure, boolean unresolved) {
        static Attempt failed(String failure) {
            return new Attempt(null, null, failure, false);
        }

        Attempt from(String newSource) {
            return new Attempt(commit, newSource, null, false);
        }
    }
}
