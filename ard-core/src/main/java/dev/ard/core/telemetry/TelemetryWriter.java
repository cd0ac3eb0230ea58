package dev.ard.core.telemetry;

import dev.ard.core.telemetry.store.Messages;
import dev.ard.core.telemetry.store.SpoolDirectory;
import dev.ard.core.telemetry.store.StoreOptions;
import dev.ard.core.telemetry.store.TelemetryValidation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Maven extension calls at the end of a build. Never throws and never loses a build it can
 * keep: when the store cannot take the build (locked, read-only, corrupt, server down) the build is
 * spooled as JSON, and the next build that reaches the store writes every spooled build first.
 */
public final class TelemetryWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);

    private TelemetryWriter() {}

    /**
     * Writes {@code telemetry} to the store {@code config} names, after flushing {@code spoolDir}
     * (oldest build first); spools it there when the store fails.
     *
     * @param spoolDir where builds wait for the store; by default {@code <root>/.ard/pending}
     *                 ({@link StoreConfigResolver#defaultSpoolDir})
     */
    public static WriteOutcome write(StoreConfig config, BuildTelemetry telemetry, Path spoolDir) {
        return write(config, telemetry, spoolDir, StoreOptions.DEFAULTS);
    }

    /** With explicit timeouts and retries (tests use small ones). */
    static WriteOutcome write(StoreConfig config, BuildTelemetry telemetry, Path spoolDir, StoreOptions options) {
        Optional<String> problem = TelemetryValidation.problem(telemetry);
        if (problem.isPresent()) {
            return new WriteOutcome(WriteOutcome.Status.FAILED, 0, "telemetry not recorded: " + problem.get());
        }
        SpoolDirectory spool = new SpoolDirectory(spoolDir);
        Flush flush = new Flush();
        TelemetryStore store = null;
        try {
            store = TelemetryStores.open(config, options);
            flushSpool(store, spool, flush);
            store.write(telemetry);
            return new WriteOutcome(WriteOutcome.Status.WRITTEN, flush.written, flush.note());
        } catch (StoreException | RuntimeException | LinkageError e) {
            // LinkageError: e.g. SQLite's native library cannot load on this platform; the build still must not fail.
            return spoolInstead(spool, telemetry, flush, describe(e, config));
        } finally {
            closeQuietly(store);
        }
    }

    /** Progress of a flush, kept when the store fails half-way. */
    private static final class Flush {
        int written;
        final List<String> problems = new ArrayList<>();

        String note() {
            return problems.isEmpty() ? null : String.join("; ", problems);
        }
    }

    private static void flushSpool(TelemetryStore store, SpoolDirectory spool, Flush flush) throws StoreException {
        SpoolDirectory.Contents contents;
        try {
            contents = spool.readAll();
        } catch (IOException e) {
            // an unreadable spool must not keep this build out of a working store
            flush.problems.add("cannot read spool directory " + spool.dir() + ": " + Messages.reason(e));
            return;
        }
        flush.problems.addAll(contents.problems());
        for (SpoolDirectory.Spooled spooled : contents.builds()) {
            // A build stored already (a flush that crashed before deleting its file) is skipped by the store.
            store.write(spooled.telemetry());
            flush.written++;
            try {
                spool.delete(spooled.file());
            } catch (IOException e) {
                flush.problems.add("cannot delete flushed spool file " + spooled.file() + ": " + Messages.reason(e));
            }
            LOG.debug(
                    "wrote spooled build {} to the telemetry store",
                    spooled.telemetry().build().id());
        }
    }

    private static WriteOutcome spoolInstead(
            SpoolDirectory spool, BuildTelemetry telemetry, Flush flush, String storeProblem) {
        String note = flush.note() == null ? "" : "; " + flush.note();
        try {
            Path file = spool.spool(telemetry);
            return new WriteOutcome(
                    WriteOutcome.Status.SPOOLED,
                    flush.written,
                    storeProblem + "; build kept in " + file + " until the store works again" + note);
        } catch (IOException | RuntimeException e) {
            return new WriteOutcome(
                    WriteOutcome.Status.FAILED,
                    flush.written,
                    storeProblem + "; could not spool the build to " + spool.dir() + " either: " + describe(e, null)
                            + note);
        }
    }

    /** @param config the store, whose URL and password an unexpected driver message must not show; may be null */
    private static String describe(Throwable e, StoreConfig config) {
        if (e instanceof StoreException) {
            return e.getMessage();
        }
        if (e instanceof IOException io) {
            return "spool directory: " + Messages.reason(io)
                    + (io.getMessage() == null ? "" : " (" + io.getMessage() + ")");
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + Messages.oneLine(e.getMessage(), config);
    }

    private static void closeQuietly(TelemetryStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (StoreException e) {
            // the build is written (or spooled) already; a failing close loses nothing
            LOG.debug("closing the telemetry store failed: {}", e.getMessage());
        }
    }
}
