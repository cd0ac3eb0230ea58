package dev.ard.core.telemetry;

/** How a Maven session ended (column {@code build.result}, stored as the constant's name). */
public enum BuildResult {
    SUCCESS,
    FAILURE;

    /** The value in the {@code build.result} column and in spooled JSON. */
    public String stored() {
        return name();
    }

    /** From the session's outcome. */
    public static BuildResult of(boolean failed) {
        return failed ? FAILURE : SUCCESS;
    }

    /** Reads a stored value; {@code null} for a missing or unknown one (see {@link RecordedMode#fromStored}). */
    public static BuildResult fromStored(String value) {
        if (value == null) {
            return null;
        }
        for (BuildResult result : values()) {
            if (result.name().equals(value)) {
                return result;
            }
        }
        return null;
    }
}
