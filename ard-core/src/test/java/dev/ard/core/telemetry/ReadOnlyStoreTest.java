package dev.ard.core.telemetry;

import static dev.ard.core.telemetry.SqliteTelemetryStoreTest.QUICK;
import static dev.ard.core.telemetry.SqliteTelemetryStoreTest.fileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.WriteOutcome.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose file and directory cannot be written. As a normal user, {@code chmod} does it. As root
 * (this machine and its CI), permission bits are ignored, so the store directory is bind-mounted
 * read-only in a private mount namespace of a child JVM ({@code unshare -m}): the kernel then refuses
 * every write with EROFS, for root too, exactly as on a read-only CI cache mount.
 */
class ReadOnlyStoreTest {

    @TempDir
    Path tmp;

    @Test
    void readOnlyStoreSpoolsTheBuildWithAReadOnlyReasonAndLosesNothing() throws Exception {
        StoreConfig config = StoreConfig.sqlite(tmp.resolve("root"));
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.write(Fixtures.sparseBuild("existing", Fixtures.T0));
        }
        Path file = fileOf(config);
        Path spool = tmp.resolve("spool");
        byte[] before = Files.readAllBytes(file);

        WriteOutcome outcome =
                permissionsBindThisProcess() ? writeWithChmod(config, spool) : writeInReadOnlyMount(config, spool);

        assertThat(outcome.status()).isEqualTo(Status.SPOOLED);
        assertThat(outcome.reason())
                .contains(file.toString())
                .contains("is read-only")
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(spool.resolve("blocked.json")).isRegularFile();

        // writable again: the spooled build arrives with the next one
        WriteOutcome next =
                TelemetryWriter.write(config, Fixtures.sparseBuild("after", Fixtures.T0.plusSeconds(5)), spool, QUICK);
        assertThat(next).isEqualTo(new WriteOutcome(Status.WRITTEN, 1, null));
        try (Connection c = new org.sqlite.JDBC().connect(config.jdbcUrl(), new Properties())) {
            assertThat(StoreRows.buildIds(c)).containsExactlyInAnyOrder("existing", "blocked", "after");
            TelemetryWriterTest.assertSameRows(StoreRows.read(c, "blocked"), Fixtures.fullBuild("blocked"));
        }
    }

    /** False as root, where a file without write permission is still writable. */
    private boolean permissionsBindThisProcess() throws IOException {
        Path probe = Files.createFile(tmp.resolve("probe"));
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r--r--r--"));
        return !Files.isWritable(probe);
    }

    private WriteOutcome writeWithChmod(StoreConfig config, Path spool) throws IOException {
        Path file = fileOf(config);
        Path dir = file.getParent();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            return TelemetryWriter.write(config, Fixtures.fullBuild("blocked"), spool, QUICK);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** {@code sh -c SCRIPT DIR command…}: mounts DIR read-only over itself, then runs the command. */
    private static final String READ_ONLY_MOUNT =
            "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"";

    private WriteOutcome writeInReadOnlyMount(StoreConfig config, Path spool) throws Exception {
        Path dir = fileOf(config).getParent();
        List<String> prefix =
                List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", READ_ONLY_MOUNT, dir.toString());
        requireReadOnlyMounts(prefix, dir);
        ChildJvm child = ChildJvm.start(
                prefix,
                WriterProbeProcess.class,
                java.util.Map.of(),
                tmp.resolve("probe.log"),
                config.jdbcUrl(),
                spool.toString(),
                "blocked");
        String output = child.awaitSuccess();
        String line = output.lines()
                .filter(l -> l.startsWith("OUTCOME|"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome from the child JVM:\n" + output));
        String[] parts = line.split("\\|", 4);
        return new WriteOutcome(Status.valueOf(parts[1]), Integer.parseInt(parts[2]), parts[3]);
    }

    /** Skips (with the reason) only when this machine cannot make a read-only mount at all. */
    private void requireReadOnlyMounts(List<String> prefix, Path dir) throws Exception {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of("sh", "-c", "! touch \"$0/ro-probe\" 2>/dev/null", dir.toString()));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("running as root and `unshare` is not available, so no read-only mount can be made: "
                    + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        Assumptions.assumeTrue(
                done && p.exitValue() == 0,
                () ->
                        "running as root (permission bits do not bind) and a read-only bind mount in a private mount namespace "
                                + "failed (needs CAP_SYS_ADMIN): " + out.trim());
    }
}
