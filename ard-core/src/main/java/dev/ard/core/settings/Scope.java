package dev.ard.core.settings;

/** Where a setting is read: the core extension during a build, or one goal of the plugin. */
public enum Scope {
    EXTENSION("extension"),
    STATS("ard:stats"),
    REPORT("ard:report"),
    QUARANTINE("ard:quarantine"),
    SELECT("ard:select"),
    TRAIN("ard:train"),
    EVALUATE("ard:evaluate"),
    PROVENANCE("ard:provenance"),
    SIGN("ard:sign"),
    VERIFY("ard:verify"),
    VERIFY_DEPENDENCIES("ard:verify-dependencies");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    /** {@code extension}, or the goal as users type it ({@code ard:stats}). */
    public String label() {
        return label;
    }

    /** The plugin goal's name ({@code stats}), or {@code null} for the extension. */
    public String goal() {
        return this == EXTENSION ? null : label.substring("ard:".length());
    }
}
