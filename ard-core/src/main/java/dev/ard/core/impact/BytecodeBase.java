package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.SnapshotStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base build's bytecode snapshots the analysis compares this build's classes with, read once per module and kept
 * for the build (a reactor's analyses read their upstream modules again); or why there are none. Thread-safe.
 */
public final class BytecodeBase {

    private final SnapshotStore store;
    private final String commit;
    private final String producer;
    private final String unavailable;
    private final Map<String, SnapshotStore.Loaded> loaded = new ConcurrentHashMap<>();

    private BytecodeBase(SnapshotStore store, String commit, String producer, String unavailable) {
        this.store = store;
        this.commit = commit;
        this.producer = producer;
        this.unavailable = unavailable;
    }

    /**
     * @param commit   the base commit the changes are relative to
     * @param producer this build's ARD version: a snapshot written by another is not compared
     */
    public static BytecodeBase of(SnapshotStore store, String commit, String producer) {
        return new BytecodeBase(store, commit, producer, null);
    }

    /** No bytecode comparison: the changes are seen in source files, for this reason (one line). */
    public static BytecodeBase unavailable(String reason) {
        return new BytecodeBase(null, null, null, reason);
    }

    public String commit() {
        return commit;
    }

    /** Why there is no bytecode comparison at all, or {@code null} when snapshots may be read. */
    String unavailable() {
        return unavailable;
    }

    SnapshotStore.Loaded snapshot(String module) {
        return loaded.computeIfAbsent(module, m -> store.read(commit, m, producer));
    }
}
