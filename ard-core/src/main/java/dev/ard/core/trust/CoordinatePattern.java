package dev.ard.core.trust;

import java.util.regex.Pattern;

/**
 * {@code groupId:artifactId[:version]} where each part is matched whole and {@code *} stands for any run of
 * characters within it: {@code dev.sigstore:*}, {@code org.apache.maven.*:*}, {@code org.example:lib:1.*}. Exact and
 * anchored: {@code org.example:lib} does not match {@code org.example:lib-evil}.
 */
public record CoordinatePattern(String text, Pattern groupId, Pattern artifactId, Pattern version) {

    /** @throws IllegalArgumentException not two or three non-empty parts, or a part with other than name characters */
    public static CoordinatePattern parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length < 2 || p.length > 3) {
            throw new IllegalArgumentException(
                    "artifact pattern \"" + text + "\" is not groupId:artifactId or groupId:artifactId:version");
        }
        for (String part : p) {
            if (!part.matches("[A-Za-z0-9_.*+\\-]+")) {
                throw new IllegalArgumentException("artifact pattern \"" + text
                        + "\" has an empty part or a character other than letters, digits, . _ - + and *");
            }
        }
        return new CoordinatePattern(text, glob(p[0]), glob(p[1]), p.length == 3 ? glob(p[2]) : glob("*"));
    }

    public boolean matches(ArtifactCoordinates c) {
        return groupId.matcher(c.groupId()).matches()
                && artifactId.matcher(c.artifactId()).matches()
                && version.matcher(c.version()).matches();
    }

    private static Pattern glob(String part) {
        StringBuilder regex = new StringBuilder();
        String[] literals = part.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
