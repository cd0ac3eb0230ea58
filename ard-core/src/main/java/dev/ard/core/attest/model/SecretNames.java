package dev.ard.core.attest.model;

import java.util.List;
import java.util.Locale;

/**
 * Names that may carry a secret. Provenance is published next to the artifact, so a property whose
 * name looks like one of these never goes into it, whatever an allow-list says.
 */
public final class SecretNames {
    /** Matched anywhere in the name, case-insensitively. */
    static final List<String> MARKERS = List.of(
            "password", "passwd", "passphrase", "pwd", "token", "secret", "key", "credential", "auth", "private");

    /**
     * Names that look harmless but whose values may hold a login: {@code ard.store} is a JDBC URL, and a JDBC URL
     * carries user, password, SSL key password… under any parameter name (or as {@code user:pass@}).
     */
    static final List<String> ALWAYS_SECRET = List.of("ard.store", "ard_store");

    private SecretNames() {}

    /**
     * True when {@code name} contains a secret marker ({@code my.password}, {@code API_TOKEN}, {@code gpg.keyname}, …)
     * or is one of the {@link #ALWAYS_SECRET} names ({@code ard.store}), whatever its value.
     */
    public static boolean looksSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALWAYS_SECRET.contains(lower)) {
            return true;
        }
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
