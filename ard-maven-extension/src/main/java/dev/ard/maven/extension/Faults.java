package dev.ard.maven.extension;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * ARD's one way of handling its own failures: one WARN line {@code ARD: <what> failed: <cause>} (the
 * stack trace at DEBUG) and carry on, so the user's build is never changed by ARD — unless
 * {@code ard.strict=true}, where the failure is rethrown as {@link StrictFailure} to fail the build.
 * The same {@code what} warns once per build (e.g. one per module would flood the log).
 */
final class Faults {

    /** An ARD failure under {@code ard.strict=true}: meant to fail the build. */
    public static final class StrictFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StrictFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A step that may fail with any exception. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** A step with a result that may fail with any exception. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final Logger log;
    private final boolean strict;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public Faults(Logger log, boolean strict) {
        this.log = log;
        this.strict = strict;
    }

    public boolean strict() {
        return strict;
    }

    /** Runs {@code step}; a failure is reported (see class doc). */
    public void run(String what, Step step) {
        try {
            step.run();
        } catch (StrictFailure alreadyReported) {
            throw alreadyReported;
        } catch (Exception | LinkageError e) {
            // LinkageError: a Maven/Surefire API that differs at run time (e.g. Maven 4) must not break the build
            // either.
            report(what, e);
        }
    }

    /** Runs {@code call}; on failure reports it and returns {@code fallback}. */
    public <T> T call(String what, Call<T> call, T fallback) {
        try {
            return call.call();
        } catch (StrictFailure alreadyReported) {
            throw alreadyReported;
        } catch (Exception | LinkageError e) {
            report(what, e);
            return fallback;
        }
    }

    /** Reports a failure: WARN once per {@code what}, DEBUG with the stack trace; rethrows when strict. */
    public void report(String what, Throwable failure) {
        report(what, failure, null);
    }

    /** As {@link #report(String, Throwable)}, telling the user what ARD does instead ({@code consequence}). */
    public void report(String what, Throwable failure, String consequence) {
        fault(what, cause(failure), consequence, failure);
    }

    /** A failure ARD detected without an exception (e.g. the reporter's failure marker); same rules. */
    public void report(String what, String cause, String consequence) {
        fault(what, cause, consequence, null);
    }

    private void fault(String what, String cause, String consequence, Throwable failure) {
        String line = "ARD: " + what + " failed: " + cause + (consequence == null ? "" : "; " + consequence);
        if (warned.add(what)) {
            log.warn(line);
        }
        if (failure != null) {
            log.debug(line, failure);
        } else {
            log.debug(line);
        }
        if (strict) {
            throw new StrictFailure(line, failure);
        }
    }

    /** Reports a problem that has no exception (e.g. a store that could not be written). */
    public void problem(String line) {
        log.warn(line);
        if (strict) {
            throw new StrictFailure(line, null);
        }
    }

    /**
     * One line naming the cause. Checked exceptions of ARD and the JDK say what failed in their message;
     * for unchecked ones the type is part of the cause ({@code UnsupportedOperationException: …}).
     */
    static String cause(Throwable failure) {
        Throwable root = failure;
        // Wrappers without their own message (e.g. ExecutionException) hide the real cause.
        while (root.getCause() != null
                && root.getCause() != root
                && (root.getMessage() == null || root.getMessage().equals(String.valueOf(root.getCause())))) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        boolean unchecked = root instanceof RuntimeException || root instanceof Error;
        return unchecked ? type + ": " + firstLine : firstLine;
    }
}
