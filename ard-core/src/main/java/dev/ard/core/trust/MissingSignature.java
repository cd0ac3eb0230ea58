package dev.ard.core.trust;

import java.util.Locale;

/** What an artifact without a bundle (or with one no policy key can check) means for the build. */
public enum MissingSignature {
    /** The build fails. */
    FAIL,
    /** Counted and listed; the build goes on. */
    WARN,
    /** Counted only. */
    IGNORE;

    /** {@code fail}, {@code warn} or {@code ignore}; anything else is an {@link IllegalArgumentException}. */
    public static MissingSignature parse(String text) {
        for (MissingSignature m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("missingSignature must be fail, warn or ignore, not \"" + text + "\"");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
