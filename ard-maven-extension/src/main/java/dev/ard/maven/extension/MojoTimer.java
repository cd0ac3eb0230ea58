package dev.ard.maven.extension;

import dev.ard.core.telemetry.MojoTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Start times of running mojos, safe for {@code -T} builds where many mojos run at once. Keys are
 * compared by identity: a {@code MojoExecution} object is one run of one mojo (a forked lifecycle makes
 * new ones), so two executions with equal names never overwrite each other.
 */
final class MojoTimer {

    /** The coordinates of a running mojo, as stored in {@link MojoTiming}. */
    public record Mojo(String module, String plugin, String goal, String executionId) {}

    private record Started(Mojo mojo, Instant at) {}

    private final Map<IdentityKey, Started> running = new ConcurrentHashMap<>();

    public void started(Object execution, Mojo mojo, Instant at) {
        running.put(new IdentityKey(execution), new Started(mojo, at));
    }

    /** When this execution started, while it runs. */
    public Optional<Instant> startOf(Object execution) {
        return Optional.ofNullable(running.get(new IdentityKey(execution))).map(Started::at);
    }

    /** The timing of a finished execution; empty when its start was not seen (e.g. ARD was registered late). */
    public Optional<MojoTiming> finished(Object execution, Instant at, boolean succeeded) {
        Started started = running.remove(new IdentityKey(execution));
        if (started == null) {
            return Optional.empty();
        }
        long millis = Math.max(0, Duration.between(started.at(), at).toMillis());
        Mojo mojo = started.mojo();
        return Optional.of(new MojoTiming(
                mojo.module(), mojo.plugin(), mojo.goal(), mojo.executionId(), started.at(), millis, succeeded));
    }

    /** Number of mojos started but not finished. */
    public int running() {
        return running.size();
    }
}
