package dev.ard.core.selection;

import java.util.Locale;

/** {@code -Dard.selection}: how ARD chooses the tests of a build. */
public enum SelectionMode {
    /** ARD is fully inert. */
    OFF,
    /** Every test runs; telemetry is recorded. */
    ALL,
    /** Tests whose class dependencies reach a change, plus the must-run ones. */
    SAFE,
    /** The safe candidates ranked by a trained model's P(fail), cut at the calibrated recall or a time budget. */
    PREDICTIVE;

    /** True for the modes that leave tests out ({@code safe}, {@code predictive}). */
    public boolean selects() {
        return this == SAFE || this == PREDICTIVE;
    }

    /** The name stored in the build record and printed in the summary. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a user's value. {@code auto} (the default) asks for {@code PREDICTIVE}, which falls back to {@code SAFE}
     * while no trained model exists; unknown values are {@code null} (the caller warns and runs all).
     */
    public static SelectionMode parse(String value) {
        String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "off" -> OFF;
            case "all" -> ALL;
            case "safe" -> SAFE;
            case "predictive", "auto", "" -> PREDICTIVE;
            default -> null;
        };
    }
}
