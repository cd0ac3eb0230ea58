package dev.ard.core.git;

import dev.ard.core.telemetry.Change;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * select against something else), else the CI's pull-request base, else the last green build of this branch, else
 * none (every test runs). For the explicit and the CI base the changes are taken from their merge base with HEAD, as
 * {@code git diff base...HEAD} does: what the target branch gained since the fork is not this change's doing (for a
 * base that is an ancestor of HEAD, such as {@code HEAD~1}, the merge base is the base itself). The last green
 * commit is compared directly, without a merge base: the tests passed on exactly that tree, so every difference
 * from it counts, even after a rebase, and so do the paths that were dirty in that green build.
 *
 * <p>In a shallow clone a base outside the fetched history cannot be compared; the reason then says so and how to
 * fetch more. Cost: one rev walk, one tree diff and one {@code git status} per call.
 */
public final class ChangeSetResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeSetResolver.class);
    private static final String SHALLOW = "shallow clone without the base commit"
            + " (fetch more history, e.g. actions/checkout fetch-depth: 0, GIT_DEPTH: 0 on GitLab, or git fetch --unshallow)";

    private ChangeSetResolver() {}

    /**
     * Resolves the change set of the working tree containing {@code dir} (the repository is searched upwards).
     *
     * @param dir        any directory inside the working tree (typically the build's root directory)
     * @param candidates where the base may come from; {@code null} is {@link BaseCandidates#NONE}
     * @return the change set; never {@code null}, never throws
     */
    public static ChangeSet resolve(Path dir, BaseCandidates candidates) {
        BaseCandidates wanted = candidates == null ? BaseCandidates.NONE : candidates;
        if (dir == null) {
            return ChangeSet.runAll(List.of(), "no directory given to look for a git repository in");
        }
        Repository repo;
        try {
            FileRepositoryBuilder builder =
                    new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                return ChangeSet.runAll(List.of(), "not inside a git repository: " + dir);
            }
            repo = builder.setMustExist(true).build();
        } catch (Exception | LinkageError e) {
            LOG.debug("cannot open the repository at {}: {}", dir, describe(e));
            return ChangeSet.runAll(List.of(), "git: cannot open the repository at " + dir + ": " + describe(e));
        }
        try (repo) {
            return resolve(repo, wanted);
        } catch (Exception | LinkageError e) {
            LOG.debug("change set failed: {}", describe(e));
            return ChangeSet.runAll(List.of(), "git error: " + describe(e));
        }
    }

    private static ChangeSet resolve(Repository repo, BaseCandidates wanted) throws Exception {
        if (repo.isBare()) {
            return ChangeSet.runAll(List.of(), "bare repository: no working tree to compare");
        }
        ChangeCollector collector = new ChangeCollector(repo);
        ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
        if (head == null) {
            return ChangeSet.runAll(collector.collect(null, null, List.of()), "HEAD has no commit yet");
        }
        boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
        Attempt base = chooseBase(repo, head, wanted, shallow);
        if (base.commit == null) {
            return ChangeSet.runAll(collector.collect(head, head, List.of()), base.failure);
        }
        List<String> extra = ChangeSet.LAST_GREEN.equals(base.source)
                ? ChangeSet.normalizeAll(wanted.lastGreenDirtyPaths())
                : List.of();
        List<Change> changes = collector.collect(base.commit, head, extra);
        Map<String, List<String>> lines;
        try {
            lines = collector.lines(base.commit, changes, extra);
        } catch (IOException | RuntimeException e) {
            LOG.debug("changed lines not read, whole files count: {}", describe(e));
            lines = Map.of();
        }
        return new ChangeSet(base.commit.name(), base.source, changes, null, lines);
    }

    private static Attempt chooseBase(Repository repo, ObjectId head, BaseCandidates wanted, boolean shallow)
            throws IOException {
        if (BaseCandidates.given(wanted.explicitRef())) {
            String ref = wanted.explicitRef().strip();
            Attempt explicit = mergeBase(repo, head, ref, shallow);
            return explicit.commit != null
                    ? explicit.from(ChangeSet.EXPLICIT)
                    : Attempt.failed("ard.baseRef '" + ref + "' " + explicit.failure);
        }
        List<String> failures = new ArrayList<>();
        if (BaseCandidates.given(wanted.ciBaseRef())) {
            String ref = wanted.ciBaseRef().strip();
            List<String> revisions = ciRevisions(ref);
            Attempt ci = null;
            for (String rev : revisions) {
                ci = mergeBase(repo, head, rev, shallow);
                if (ci.commit != null) {
                    return ci.from(ChangeSet.CI);
                }
                if (!ci.unresolved) {
                    // the ref exists but has no usable merge base: a local namesake would not be better
                    failures.add("CI base '" + rev + "' " + ci.failure);
                    break;
                }
            }
            if (ci.unresolved) {
                failures.add("CI base '" + ref + "' (tried " + String.join(", ", revisions) + ") " + ci.failure);
            }
        }
        if (BaseCandidates.given(wanted.lastGreenCommit())) {
            String sha = wanted.lastGreenCommit().strip();
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

    /** {@code origin/<ref>} first: on CI the local branch of that name is usually absent or stale. */
    private static List<String> ciRevisions(String ref) {
        if (ref.startsWith(Constants.R_REFS) || ref.startsWith(Constants.DEFAULT_REMOTE_NAME + "/")) {
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
        return Attempt.failed(
                shallow
                        ? "has no merge base with HEAD in the fetched history: " + SHALLOW
                        : "shares no history with HEAD");
    }

    /** Resolves {@code rev} to a commit that is present. {@code unresolved}: the name is unknown here. */
    private static Attempt commit(Repository repo, String rev, boolean shallow) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev);
        } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
            return Attempt.failed("does not resolve to a commit: " + describe(e));
        } catch (MissingObjectException e) {
            // e.g. HEAD~3 walking past the end of a shallow history
            return new Attempt(null, null, missing(e.getObjectId(), shallow), true);
        } catch (IOException e) {
            // AmbiguousObjectException and kin: the name itself is the problem, not the repository
            return Attempt.failed("does not resolve to a commit: " + describe(e));
        }
        if (id == null) {
            return new Attempt(
                    null,
                    null,
                    shallow
                            ? "does not resolve to a commit in this shallow clone: " + SHALLOW
                            : "does not resolve to a commit here",
                    true);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return new Attempt(walk.parseCommit(id).copy(), null, null, false);
        } catch (MissingObjectException e) {
            return new Attempt(null, null, missing(id, shallow), true);
        } catch (IncorrectObjectTypeException e) {
            return Attempt.failed("does not name a commit (" + id.abbreviate(10).name() + " is not one)");
        }
    }

    private static String missing(ObjectId id, boolean shallow) {
        String what = id == null ? "a commit" : "commit " + id.abbreviate(10).name();
        return "needs " + what + ", which is not in the local repository" + (shallow ? ": " + SHALLOW : "");
    }

    /** One line, and never a URL's user-info: JGit messages may quote a remote URL. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return RemoteUrls.redactUserInfo(text.replaceAll("\\s+", " ").strip());
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
