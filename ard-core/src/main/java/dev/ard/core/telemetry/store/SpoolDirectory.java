package dev.ard.core.telemetry.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import dev.ard.core.telemetry.BuildTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds that could not be written to the store, one JSON file each ({@code <build-id>.json}), kept
 * until the store works again. Files appear atomically (temp file, then move), so a reader never sees
 * half a build; several processes may flush the same directory at once (a file another process took
 * first is simply gone).
 */
public final class SpoolDirectory {
    private static final String SUFFIX = ".json";
    private static final int FORMAT = 1;

    private final Path dir;

    public SpoolDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The JSON document of one spooled build; {@code v} lets a later ARD read older spools. */
    record Envelope(
            @JsonProperty("v") int v,
            @JsonProperty("telemetry") BuildTelemetry telemetry) {}

    /** A spooled build read back. */
    public record Spooled(Path file, BuildTelemetry telemetry) {}

    /** What {@link #readAll} found: the builds, oldest first, and one note per file it set aside. */
    public record Contents(List<Spooled> builds, List<String> problems) {}

    /** Writes {@code telemetry} to {@code <build-id>.json}; replaces an earlier spool of the same build. */
    public Path spool(BuildTelemetry telemetry) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName(telemetry.build().id()));
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            TelemetryJson.mapper().writeValue(temp.toFile(), new Envelope(FORMAT, telemetry));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file name from a build id; ids are UUIDs, anything else is made safe for every file system. */
    static String fileName(String buildId) {
        return buildId.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX;
    }

    /**
     * Every spooled build, oldest start first. A file that cannot be parsed, or holds a build the store
     * would reject, is renamed {@code *.json.bad} (kept for a human, never deleted) and reported.
     */
    public Contents readAll() throws IOException {
        List<Spooled> builds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Contents(builds, problems);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file, problems).ifPresent(t -> builds.add(new Spooled(file, t)));
            }
        }
        builds.sort(Comparator.comparing((Spooled s) -> startedAt(s))
                .thenComparing(s -> s.file().getFileName().toString()));
        return new Contents(builds, problems);
    }

    private static Instant startedAt(Spooled s) {
        return s.telemetry().build().startedAt();
    }

    private static Optional<BuildTelemetry> read(Path file, List<String> problems) throws IOException {
        String problem;
        try (InputStream in = Files.newInputStream(file)) {
            Envelope envelope = TelemetryJson.mapper().readValue(in, Envelope.class);
            problem = envelope == null || envelope.telemetry() == null
                    ? "no telemetry in it"
                    : TelemetryValidation.problem(envelope.telemetry()).orElse(null);
            if (problem == null) {
                return Optional.of(envelope.telemetry());
            }
        } catch (JacksonException e) {
            // also what a record constructor threw, e.g. List.copyOf given a JSON null
            problem = Messages.oneLine(e.getOriginalMessage(), (String) null);
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // another process flushed it meanwhile
        }
        Optional<Path> bad = setAside(file);
        if (bad.isPresent()) {
            problems.add("unreadable spool file set aside as " + bad.get().getFileName() + " (" + problem + ")");
        }
        return Optional.empty();
    }

    /** Renames to {@code <name>.bad}, or {@code <name>.<n>.bad} when that exists already; never deletes. */
    private static Optional<Path> setAside(Path file) throws IOException {
        String name = file.getFileName().toString();
        for (int n = 0; ; n++) {
            Path bad = file.resolveSibling(n == 0 ? name + ".bad" : name + "." + n + ".bad");
            if (Files.exists(bad)) {
                continue;
            }
            try {
                Files.move(file, bad);
                return Optional.of(bad);
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            } catch (FileAlreadyExistsException raced) {
                // another process set a file aside under this name just now: try the next name
            }
        }
    }

    /** Removes a spool file once its build is in the store; a file already gone is fine. */
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
