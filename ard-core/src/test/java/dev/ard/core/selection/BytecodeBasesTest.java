package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.impact.BytecodeBase;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.GreenBuild;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BytecodeBasesTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final Path DIR = Path.of("/tmp/ard-bytecode-bases-test");

    private static SelectionBasis.Select select(String source, GreenBuild green) {
        ChangeSet changes = new ChangeSet(SHA, source, List.of(new Change("a/B.java", "MODIFIED")), null);
        return new SelectionBasis.Select(SelectionMode.SAFE, changes, TestHistory.EMPTY, green, Path.of("."), null);
    }

    @Test
    void aCleanBaseCommitIsComparedWithItsSnapshots() {
        BytecodeBase base = BytecodeBases.of(select(ChangeSet.CI, null), DIR, "1.0");
        assertThat(base).isNotNull();
        assertThat(base.commit()).isEqualTo(SHA);

        GreenBuild clean = new GreenBuild("b1", SHA, List.of(), Set.of("g:core"));
        assertThat(BytecodeBases.of(select(ChangeSet.LAST_GREEN, clean), DIR, "1.0")
                        .commit())
                .isEqualTo(SHA);
    }

    @Test
    void aGreenBaseWithUncommittedChangesIsNotBecauseNoSnapshotShowsThem() {
        GreenBuild dirty = new GreenBuild("b1", SHA, List.of("a/B.java"), Set.of("g:core"));

        BytecodeBase base = BytecodeBases.of(select(ChangeSet.LAST_GREEN, dirty), DIR, "1.0");

        assertThat(base.commit()).isNull();
        assertThat(base).extracting("unavailable").isEqualTo("the base build at 0123456789 had uncommitted changes");
    }

    @Test
    void withoutABaseCommitThereIsNothingToCompare() {
        assertThat(BytecodeBases.of(new SelectionBasis.RunAll(SelectionMode.SAFE, "no history"), DIR, "1.0"))
                .isNull();
        SelectionBasis.Select given = new SelectionBasis.Select(
                SelectionMode.SAFE, ChangeSet.of(List.of("a/B.java")), TestHistory.EMPTY, null, Path.of("."), null);
        assertThat(BytecodeBases.of(given, DIR, "1.0")).isNull();
    }
}
