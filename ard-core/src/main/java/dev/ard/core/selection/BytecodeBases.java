package dev.ard.core.selection;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.impact.BytecodeBase;
import dev.ard.core.impact.snapshot.SnapshotStore;
import java.nio.file.Path;

/** Which bytecode snapshots, if any, a build's selection may compare its classes with. */
public final class BytecodeBases {

    private BytecodeBases() {}

    /**
     * The snapshots of the basis's base commit, or why none apply; {@code null} when the basis has no base commit
     * (every test runs, or the changes were given): nothing to compare and nothing to say.
     *
     * @param dir      where snapshots live ({@code <root>/.ard/cache/bytecode})
     * @param producer this build's ARD version
     */
    public static BytecodeBase of(SelectionBasis basis, Path dir, String producer) {
        return of(basis, dir, producer, null);
    }

    /**
     * As {@link #of(SelectionBasis, Path, String)}, fetching snapshots missing in {@code dir} from {@code remote} (a
     * team's telemetry store), which are then kept in {@code dir}.
     */
    public static BytecodeBase of(SelectionBasis basis, Path dir, String producer, SnapshotStore.Remote remote) {
        if (!(basis instanceof SelectionBasis.Select select) || select.changes().baseCommit() == null) {
            return null;
        }
        String base = select.changes().baseCommit();
        if (select.greenBuild() != null && !select.greenBuild().dirtyPaths().isEmpty()) {
            // snapshots are of clean commits; the base build tested a tree with edits no snapshot shows
            return BytecodeBase.unavailable(
                    "the base build at " + ChangeSet.shortSha(base) + " had uncommitted changes");
        }
        return BytecodeBase.of(new SnapshotStore(dir, remote), base, producer);
    }
}
