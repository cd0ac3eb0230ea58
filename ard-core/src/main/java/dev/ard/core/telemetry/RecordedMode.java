package dev.ard.core.telemetry;

import java.util.Locale;

/**
 * How a build's tests were chosen, as recorded with the build (column {@code build.mode}, stored lower case).
 * Unlike the user's {@code ard.selection} setting it knows {@link #USER}: the user named the tests.
 */
public enum RecordedMode {
    /** Every test ran. */
    ALL,
    /** ARD was off (kept for rows written that way; an inert ARD records nothing). */
    OFF,
    /** Tests whose class dependencies reach a change, plus the must-run ones. */
    SAFE,
    /** The safe candidates ranked by a trained model. */
    PREDICTIVE,
    /** The user named the tests ({@code -Dtest}): the build says nothing about the tests it did not run. */
    USER;

    /**
     * A green build of this mode may be the base of a later selection: any test it left out, ARD's own selection left
     * out ({@code all}, {@code safe}, {@code predictive}), not the user's {@code -Dtest} ({@code user}).
     */
    public boolean accountsForEveryTest() {
        return this == ALL || this == SAFE || this == PREDICTIVE;
    }

    /** The value in the {@code build.mode} column and in spooled JSON: {@code all}, {@code safe}, … */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a stored value; {@code null} for a missing one or one this version does not know (a newer ARD may
     * share the store), so reading history never fails on it.
     */
    public static RecordedMode fromStored(String value) {
        if (value == null) {
            return null;
        }
        for (RecordedMode mode : values()) {
            if (mode.stored().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
