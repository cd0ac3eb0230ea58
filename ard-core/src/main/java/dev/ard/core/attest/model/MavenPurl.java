package dev.ard.core.attest.model;

import java.nio.charset.StandardCharsets;

/**
 * Package URLs for Maven artifacts (purl spec, type {@code maven}):
 * {@code pkg:maven/<groupId>/<artifactId>@<version>?classifier=<c>&type=<t>}. Qualifiers are in key
 * order as the spec requires; {@code type} is always written (as cyclonedx-maven-plugin does, so the
 * provenance and the SBOM name an artifact the same way), {@code classifier} only when there is one.
 */
public final class MavenPurl {
    private MavenPurl() {}

    public static String of(String groupId, String artifactId, String version, String type, String classifier) {
        StringBuilder purl = new StringBuilder("pkg:maven/")
                .append(encode(groupId))
                .append('/')
                .append(encode(artifactId))
                .append('@')
                .append(encode(version));
        char separator = '?';
        if (classifier != null && !classifier.isEmpty()) {
            purl.append(separator).append("classifier=").append(encode(classifier));
            separator = '&';
        }
        purl.append(separator).append("type=").append(encode(type == null || type.isEmpty() ? "jar" : type));
        return purl.toString();
    }

    /** Percent-encodes everything but the purl-safe characters {@code A-Z a-z 0-9 . - _ ~}. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
