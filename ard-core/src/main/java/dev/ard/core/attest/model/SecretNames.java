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

    private SecretNames() {}

    /** True when {@code name} contains a secret marker ({@code my.password}, {@code API_TOKEN}, {@code gpg.keyname}, …). */
    public static boolean looksSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
