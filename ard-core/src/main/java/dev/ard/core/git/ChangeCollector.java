package dev.ard.core.git;

import dev.ard.core.io.BoundedFiles;
import dev.ard.core.telemetry.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.submodule.SubmoduleWalk.IgnoreSubmoduleMode;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Collects the paths that differ between a base commit and the working tree: the committed diff base..HEAD (with
 * rename detection) plus what one {@code git status} reports (staged, unstaged, untracked, conflicting), plus any
 * extra paths the caller knows to differ.
 *
 * <p>Each path's kind is then decided by comparing the base tree with the working tree, because that is what the
 * tests will see: a file committed and then deleted locally is {@code DELETED}, whatever the commits say. A path
 * that is neither in the base nor on disk (added, then removed again) is still reported as {@code DELETED}: its
 * compiled classes may linger in {@code target/} and whoever reads the change set should look for them.
 */
final class ChangeCollector {
    private final Repository repo;

    ChangeCollector(Repository repo) {
        this.repo = repo;
    }

    /**
     * @param base  the commit to compare with, or {@code null} (unborn branch: everything on disk is new)
     * @param head  HEAD's commit, or {@code null} when unborn
     * @param extra further paths known to differ from the base (normalized, repository-relative)
     */
    List<Change> collect(ObjectId base, ObjectId head, Collection<String> extra) throws IOException, GitAPIException {
        Set<String> paths = new TreeSet<>(extra);
        Set<String> renamedTo = new HashSet<>();
        RevTree baseTree = null;
        try (RevWalk walk = new RevWalk(repo)) {
            if (base != null) {
                baseTree = walk.parseCommit(base).getTree();
            }
            if (baseTree != null && head != null && !base.equals(head)) {
                committed(baseTree, walk.parseCommit(head).getTree(), paths, renamedTo);
            }
        }
        // NONE: a submodule counts as changed when its checkout or its working tree differs, whatever
        // .gitmodules' "ignore" says; the tests see that working tree.
        Status status = Git.wrap(repo)
                .status()
                .setIgnoreSubmodules(IgnoreSubmoduleMode.NONE)
                .call();
        paths.addAll(status.getAdded());
        paths.addAll(status.getChanged());
        paths.addAll(status.getModified());
        paths.addAll(status.getRemoved());
        paths.addAll(status.getMissing());
        paths.addAll(status.getConflicting());
        paths.addAll(status.getUntracked());
        Set<String> inBase = baseTree == null ? Set.of() : presentIn(baseTree, paths);
        return classify(paths, inBase, renamedTo, status.getUntracked());
    }

    /**
     * The changed lines of each modified Java source (see {@link ChangedLines}), base blob against the working tree;
     * a path left out counts as changed as a whole. Paths in {@code whole} (dirty in the base build: the base commit's
     * blob is not what that build compiled) and files that cannot be read are left out.
     */
    Map<String, List<String>> lines(ObjectId base, List<Change> changes, Collection<String> whole) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        try (RevWalk walk = new RevWalk(repo);
                ObjectReader reader = repo.newObjectReader()) {
            RevTree tree = walk.parseCommit(base).getTree();
            for (Change change : changes) {
                String path = change.path();
                if (!"MODIFIED".equals(change.kind()) || !path.endsWith(".java") || whole.contains(path)) {
                    continue;
                }
                try (TreeWalk entry = TreeWalk.forPath(reader, path, tree)) {
                    Path file = workTree.resolve(path).normalize();
                    if (entry == null
                            || (entry.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE
                            || !file.startsWith(workTree)
                            || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    ObjectLoader blob = reader.open(entry.getObjectId(0));
                    if (blob.getSize() > ChangedLines.MAX_BYTES) {
                        continue;
                    }
                    // a working-tree file over the limit throws here, and stays changed as a whole below
                    byte[] now = BoundedFiles.read(file, ChangedLines.MAX_BYTES, "changed source");
                    List<String> ranges = ChangedLines.between(blob.getCachedBytes(ChangedLines.MAX_BYTES), now);
                    if (ranges != null) {
                        out.put(path, List.copyOf(ranges));
                    }
                } catch (IOException | InvalidPathException e) {
                    // unreadable now or in the base: the file stays changed as a whole
                }
            }
        }
        return out;
    }

    private void committed(RevTree from, RevTree to, Set<String> paths, Set<String> renamedTo) throws IOException {
        try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDetectRenames(true);
            for (DiffEntry entry : diff.scan(from, to)) {
                switch (entry.getChangeType()) {
                    case ADD, COPY, MODIFY -> paths.add(entry.getNewPath());
                    case DELETE -> paths.add(entry.getOldPath());
                    case RENAME -> {
                        paths.add(entry.getOldPath());
                        paths.add(entry.getNewPath());
                        renamedTo.add(entry.getNewPath());
                    }
                }
            }
        }
    }

    /** Which of {@code paths} are files (or submodules) in {@code tree}: one walk, limited to those paths. */
    private Set<String> presentIn(RevTree tree, Set<String> paths) throws IOException {
        Set<String> present = new HashSet<>();
        if (paths.isEmpty()) {
            return present;
        }
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(PathFilterGroup.createFromStrings(paths));
            while (walk.next()) {
                String path = walk.getPathString();
                if (paths.contains(path)) {
                    present.add(path);
                }
            }
        }
        return present;
    }

    private List<Change> classify(Set<String> paths, Set<String> inBase, Set<String> renamedTo, Set<String> untracked) {
        Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        List<Change> changes = new ArrayList<>(paths.size());
        for (String path : paths) {
            String kind;
            if (!onDisk(workTree, path)) {
                kind = "DELETED";
            } else if (inBase.contains(path)) {
                kind = "MODIFIED";
            } else if (renamedTo.contains(path)) {
                kind = "RENAMED";
            } else if (untracked.contains(path)) {
                kind = "UNTRACKED";
            } else {
                kind = "ADDED";
            }
            changes.add(new Change(path, kind));
        }
        return changes;
    }

    private static boolean onDisk(Path workTree, String path) {
        try {
            Path file = workTree.resolve(path).normalize();
            // caller-given paths are not trusted to stay inside the working tree
            return file.startsWith(workTree) && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false; // a caller-given path this file system cannot even name is certainly not there
        }
    }
}
