package dev.ard.maven.extension;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.impact.snapshot.SnapshotStore;
import dev.ard.core.telemetry.StoreConfig;
import dev.ard.core.telemetry.StoreException;
import dev.ard.core.telemetry.TelemetryStore;
import dev.ard.core.telemetry.TelemetryStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Bytecode snapshots in a team's telemetry store (PostgreSQL), for builds without ARD's local cache, such as fresh CI
 * runners: a build that keeps snapshots also puts them in the store, and a build whose base has none on disk fetches
 * them from it (then keeps them on disk). The default SQLite store lives beside the cache already: nothing is shared
 * through it.
 */
final class SharedSnapshots {

    private SharedSnapshots() {}

    /** Where a build fetches the snapshots of its base that are not on disk; nothing when the store is local. */
    static SnapshotStore.Remote remote(Supplier<StoreConfig> config) {
        return commit -> {
            StoreConfig store = config.get();
            if (!shared(store)) {
                return Map.of();
            }
            try (TelemetryStore open = TelemetryStores.open(store)) {
                return open.bytecodeSnapshots(commit);
            }
        };
    }

    /** Puts the snapshots just kept on disk into the shared store; returns how many. */
    static int share(StoreConfig config, SnapshotStore local, String commit, List<String> modules, Logger log)
            throws StoreException {
        if (!shared(config) || modules.isEmpty()) {
            return 0;
        }
        Map<String, byte[]> packed = new LinkedHashMap<>();
        for (String module : modules) {
            byte[] bytes = local.packed(commit, module);
            if (bytes != null) {
                packed.put(module, bytes);
            }
        }
        try (TelemetryStore store = TelemetryStores.open(config)) {
            store.saveBytecodeSnapshots(commit, packed);
        }
        log.debug(
                "ARD: bytecode snapshots of {} modules at {} put in the store",
                packed.size(),
                ChangeSet.shortSha(commit));
        return packed.size();
    }

    private static boolean shared(StoreConfig config) {
        return config != null && !config.isSqlite();
    }
}
