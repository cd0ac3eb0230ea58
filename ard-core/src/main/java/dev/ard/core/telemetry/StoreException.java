package dev.ard.core.telemetry;

/** The telemetry store could not be opened, read or written. The message names the cause in one line. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
