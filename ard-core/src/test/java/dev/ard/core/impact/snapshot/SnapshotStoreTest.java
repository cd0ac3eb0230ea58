package dev.ard.core.impact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private static String sha(int i) {
        return String.format(java.util.Locale.ROOT, "%040x", i);
    }

    private static ModuleSnapshot snapshot(String producer) {
        ClassChecksum foo =
                new ClassChecksum("com/x/Foo", 61, 42L, Map.of("F MAX I", 1L, "M run ()V", 2L), Set.of("F MAX I"));
        ClassChecksum fooTest = new ClassChecksum("com/x/FooTest", 61, 7L, Map.of("M t ()V", 3L), Set.of());
        return new ModuleSnapshot("g:core", COMMIT, producer, Map.of(foo.name(), foo), Map.of(fooTest.name(), fooTest));
    }

    @Test
    void roundTrips() {
        SnapshotStore store = new SnapshotStore(dir);
        assertThat(store.write(snapshot("1.0"))).isNull();

        SnapshotStore.Loaded loaded = store.read(COMMIT, "g:core", "1.0");

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.snapshot()).isEqualTo(snapshot("1.0"));
        assertThat(loaded.snapshot().major()).isEqualTo(61);
    }

    @Test
    void aMissingCorruptOrForeignSnapshotIsIgnoredWithAReason() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        assertThat(store.read(COMMIT, "g:core", "1.0").problem())
                .isEqualTo("no bytecode snapshot of g:core at 0123456789");

        store.write(snapshot("0.9"));
        assertThat(store.read(COMMIT, "g:core", "1.0").problem())
                .isEqualTo("bytecode snapshot of g:core at 0123456789 was written by ARD 0.9, this is 1.0");

        Path file = store.fileFor(COMMIT, "g:core");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 9)); // truncated gzip
        SnapshotStore.Loaded truncated = store.read(COMMIT, "g:core", "0.9");
        assertThat(truncated.snapshot()).isNull();
        assertThat(truncated.problem()).startsWith("bytecode snapshot of g:core at 0123456789 is corrupt");

        Files.writeString(file, "not a snapshot");
        assertThat(store.read(COMMIT, "g:core", "0.9").problem())
                .startsWith("bytecode snapshot of g:core at 0123456789 is corrupt");

        assertThat(store.read("../etc", "g:core", "0.9").problem()).isEqualTo("no bytecode snapshot of ../etc");
    }

    @Test
    void aSnapshotMissingOnDiskComesFromTheRemoteOnceAndIsThenKept() {
        SnapshotStore builder = new SnapshotStore(dir.resolve("ci-1"));
        builder.write(snapshot("1.0"));
        byte[] packed = builder.packed(COMMIT, "g:core");
        assertThat(packed).isNotNull();
        int[] asked = {0};
        SnapshotStore runner = new SnapshotStore(dir.resolve("ci-2"), commit -> {
            asked[0]++;
            return commit.equals(COMMIT) ? Map.of("g:core", packed) : Map.of();
        });

        assertThat(runner.read(COMMIT, "g:core", "1.0").snapshot()).isEqualTo(snapshot("1.0"));
        assertThat(runner.read(COMMIT, "g:app", "1.0").problem())
                .isEqualTo("no bytecode snapshot of g:app at 0123456789 (neither cached nor in the store)");
        assertThat(asked[0]).as("one fetch per commit").isEqualTo(1);
        assertThat(Files.isRegularFile(new SnapshotStore(dir.resolve("ci-2")).fileFor(COMMIT, "g:core")))
                .isTrue();
        assertThat(new SnapshotStore(dir.resolve("ci-2"))
                        .read(COMMIT, "g:core", "1.0")
                        .snapshot())
                .isEqualTo(snapshot("1.0"));
        // another ARD version's bytes are refused as from disk, and not kept
        assertThat(new SnapshotStore(dir.resolve("ci-3"), c -> Map.of("g:core", packed))
                        .read(COMMIT, "g:core", "2.0")
                        .problem())
                .contains("was written by ARD 1.0, this is 2.0");
        assertThat(Files.exists(new SnapshotStore(dir.resolve("ci-3")).fileFor(COMMIT, "g:core")))
                .isFalse();
    }

    @Test
    void aFailingOrCorruptRemoteIsAReasonNeverAnError() {
        SnapshotStore down = new SnapshotStore(dir, c -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(down.read(COMMIT, "g:core", "1.0").problem())
                .isEqualTo("no bytecode snapshot of g:core at 0123456789 (the store: connection refused)");
        SnapshotStore corrupt = new SnapshotStore(dir, c -> Map.of("g:core", new byte[] {1, 2, 3}));
        assertThat(corrupt.read(COMMIT, "g:core", "1.0").problem())
                .startsWith("bytecode snapshot of g:core at 0123456789 in the store is corrupt");
        assertThat(Files.exists(corrupt.fileFor(COMMIT, "g:core"))).isFalse();
    }

    @Test
    void keepsOnlyTheNewestCommits() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        for (int i = 0; i < SnapshotStore.KEEP_COMMITS + 3; i++) {
            String commit = sha(i + 1);
            ModuleSnapshot s = snapshot("1.0");
            assertThat(store.write(new ModuleSnapshot(s.module(), commit, "1.0", s.main(), s.test())))
                    .isNull();
            Files.setLastModifiedTime(
                    dir.resolve(commit), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }

        store.prune();

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(SnapshotStore.KEEP_COMMITS)
                    .doesNotContain(sha(1), sha(3))
                    .contains(sha(SnapshotStore.KEEP_COMMITS + 3));
        }
    }
}
