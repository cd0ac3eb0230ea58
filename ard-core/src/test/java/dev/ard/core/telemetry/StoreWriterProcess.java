package dev.ard.core.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class of a child JVM that writes builds like a series of Maven builds: one store open per build.
 * Arguments: {@code jdbcUrl user|- idPrefix count readyFile goFile}; the password comes from env
 * {@code ARD_TEST_STORE_PASSWORD} (never on a command line). Waits for {@code goFile} so every writer
 * starts at once.
 */
public final class StoreWriterProcess {
    private StoreWriterProcess() {}

    public static void main(String[] args) throws Exception {
        StoreConfig config = new StoreConfig(
                args[0], "-".equals(args[1]) ? null : args[1], System.getenv("ARD_TEST_STORE_PASSWORD"));
        Files.createFile(Path.of(args[4]));
        Path go = Path.of(args[5]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go signal");
            }
            Thread.sleep(5);
        }
        writeBuilds(config, args[2], Integer.parseInt(args[3]));
        System.out.println("wrote " + args[3] + " builds");
    }

    static void writeBuilds(StoreConfig config, String idPrefix, int count) throws StoreException {
        for (int i = 0; i < count; i++) {
            try (TelemetryStore store = TelemetryStores.open(config)) {
                store.write(Fixtures.smallBuild(idPrefix + "-" + i, Fixtures.T0.plusSeconds(i), 3));
            }
        }
    }
}
