package dev.ard.core.attest.json;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which digest values are well formed, after the in-toto attestation DigestSet rules: lowercase hex,
 * of the length the algorithm produces. Unknown algorithms are allowed (consumers ignore them) as
 * long as the value is a non-empty string.
 */
final class DigestRules {
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

    /** Algorithm → hex length. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("md5", 32),
            Map.entry("sha1", 40),
            Map.entry("sha224", 56),
            Map.entry("sha512_224", 56),
            Map.entry("sha3_224", 56),
            Map.entry("sha256", 64),
            Map.entry("sha512_256", 64),
            Map.entry("sha3_256", 64),
            Map.entry("dirHash", 64),
            Map.entry("goModuleH1", 64),
            Map.entry("sha384", 96),
            Map.entry("sha3_384", 96),
            Map.entry("sha512", 128),
            Map.entry("sha3_512", 128));

    /** Git object ids: SHA-1 (40) or SHA-256 (64) repositories. */
    private static final Set<String> GIT = Set.of("gitCommit", "gitTree", "gitBlob", "gitTag");

    private DigestRules() {}

    /** What is wrong with {@code value} for {@code algorithm}, or {@code null} when it is fine. */
    static String check(String algorithm, String value) {
        if (value == null || value.isEmpty()) {
            return "empty digest";
        }
        Integer length = LENGTHS.get(algorithm);
        boolean git = GIT.contains(algorithm);
        if (length == null && !git) {
            return null;
        }
        if (!LOWER_HEX.matcher(value).matches()) {
            return "not lowercase hex";
        }
        if (git) {
            return value.length() == 40 || value.length() == 64
                    ? null
                    : "length " + value.length() + ", expected 40 or 64 hex digits";
        }
        return value.length() == length ? null : "length " + value.length() + ", expected " + length + " hex digits";
    }
}
