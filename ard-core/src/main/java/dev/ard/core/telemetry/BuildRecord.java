package dev.ard.core.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Maven invocation (a row of the {@code build} table).
 *
 * @param id         random UUID, made by the writer (so SQLite and PostgreSQL need no sequences)
 * @param startedAt  session start
 * @param finishedAt session end
 * @param goals      goals and phases given on the command line
 * @param checkout   the working tree and its git facts
 * @param ci         the CI run, or {@link CiRun#LOCAL}
 * @param tools      Maven, Java and OS versions
 * @param mode       how the tests were chosen; {@code null} when a stored row has none this version knows
 * @param result     how the session ended; {@code null} when a stored row has none this version knows
 */
public record BuildRecord(
        String id,
        Instant startedAt,
        Instant finishedAt,
        List<String> goals,
        Checkout checkout,
        CiRun ci,
        ToolVersions tools,
        RecordedMode mode,
        BuildResult result) {

    public BuildRecord {
        goals = List.copyOf(goals);
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(tools, "tools");
    }
}
