package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardContextTest {

    @TempDir
    Path dir;

    private RevCommit commit() throws Exception {
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("a.txt"), "a");
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("ARD", "ard@example.com");
            return git.commit()
                    .setMessage("a")
                    .setAuthor(who)
                    .setCommitter(who)
                    .setSign(false)
                    .call();
        }
    }

    @Test
    void theSnapshotIsHeadsCommitAndTheEndOfItsCommitSecond() throws Exception {
        RevCommit head = commit();

        ShardContext context =
                ShardContext.resolve(dir, Shard.parse("2/3"), StoreConfig.sqlite(dir), null, true, Instant.now(), null);

        assertThat(context.partitions()).as("%s", context.problem()).isTrue();
        assertThat(context.snapshot().excludedCommit()).isEqualTo(head.name());
        assertThat(context.snapshot().finishedBy())
                .isEqualTo(java.time.Instant.ofEpochSecond(head.getCommitTime()).plusMillis(999));
        // an empty store: every class is estimated alike
        assertThat(context.estimates().estimateMs("g:m", "ATest")).isEqualTo(ShardPlan.Estimates.UNKNOWN_MS);
    }

    @Test
    void withARunIdTheFirstShardSetsTheCutForAll() throws Exception {
        RevCommit head = commit();
        StoreConfig store = StoreConfig.sqlite(dir);
        Instant first = Instant.parse("2026-12-01T10:00:00Z");

        ShardContext one = ShardContext.resolve(dir, Shard.parse("1/2"), store, "run-9", true, first, "ARD 1; n=2");
        ShardContext two = ShardContext.resolve(
                dir, Shard.parse("2/2"), store, "run-9", true, first.plusSeconds(600), "ARD 1; n=2");
        ShardContext whatIf =
                ShardContext.resolve(dir, Shard.parse("all/2"), store, "run-9", false, first.plusSeconds(900), null);
        ShardContext otherRun =
                ShardContext.resolve(dir, Shard.parse("1/2"), store, "run-10", false, first.plusSeconds(900), null);

        assertThat(one.snapshot().finishedBy()).isEqualTo(first);
        assertThat(two.snapshot()).isEqualTo(one.snapshot());
        assertThat(whatIf.snapshot()).isEqualTo(one.snapshot());
        assertThat(one.snapshot().excludedCommit()).isEqualTo(head.name());
        // a what-if of a run no shard started stores nothing and cuts at its own time
        assertThat(otherRun.snapshot().finishedBy()).isEqualTo(first.plusSeconds(900));
    }

    @Test
    void aShardPlanningWithOtherSettingsThanTheFirstRunsTheWholeSelection() throws Exception {
        commit();
        StoreConfig store = StoreConfig.sqlite(dir);
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        ShardContext.resolve(
                dir, Shard.parse("1/4"), store, "run-3", true, first, "ARD 0.1.0; n=4; ard.selection=safe");

        ShardContext other = ShardContext.resolve(
                dir, Shard.parse("2/3"), store, "run-3", true, first, "ARD 0.2.0; n=3; ard.selection=safe");

        assertThat(other.partitions()).isFalse();
        assertThat(other.problem())
                .isEqualTo("its ARD version or settings differ from the run's first shard (ARD 0.1.0; n=4;"
                        + " ard.selection=safe; this shard: ARD 0.2.0; n=3; ard.selection=safe)");
    }

    @Test
    void withoutAStoreEveryShardEstimatesAlike() throws Exception {
        commit();

        ShardContext context = ShardContext.resolve(dir, Shard.parse("1/2"), null, null, true, Instant.now(), null);

        assertThat(context.partitions()).isTrue();
        assertThat(context.estimates().knownMs()).isEmpty();
    }

    @Test
    void outsideGitThereIsNoSharedSnapshot() {
        ShardContext context = ShardContext.resolve(dir, Shard.parse("1/2"), null, null, true, Instant.now(), null);

        assertThat(context.partitions()).isFalse();
        assertThat(context.problem()).contains("HEAD");
    }

    @Test
    void anUnreadableStoreMeansTheShardRunsTheWholeSelection() throws Exception {
        commit();
        Path corrupt = dir.resolve(".ard/telemetry.db");
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "this is not a SQLite database, not even close to one at all");

        ShardContext context =
                ShardContext.resolve(dir, Shard.parse("1/2"), StoreConfig.sqlite(dir), null, true, Instant.now(), null);

        assertThat(context.partitions()).isFalse();
        assertThat(context.problem()).startsWith("cannot read the recorded durations: ");
    }
}
