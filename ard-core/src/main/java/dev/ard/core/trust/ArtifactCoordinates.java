package dev.ard.core.trust;

import java.util.Objects;

/**
 * One artifact a build consumes.
 *
 * @param classifier empty when there is none
 * @param extension  the file extension ({@code jar}, {@code pom}, …)
 */
public record ArtifactCoordinates(
        String groupId, String artifactId, String version, String classifier, String extension) {
    public ArtifactCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        classifier = classifier == null ? "" : classifier;
        extension = extension == null || extension.isEmpty() ? "jar" : extension;
    }

    /** {@code groupId:artifactId}. */
    public String ga() {
        return groupId + ":" + artifactId;
    }

    /** {@code groupId:artifactId:extension[:classifier]:version}, Maven Resolver's spelling. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":"
                + version;
    }

    /** The inverse of {@link #toString()}; {@code null} when {@code text} is not 4 or 5 non-empty parts. */
    public static ArtifactCoordinates parse(String text) {
        String[] p = text.split(":", -1);
        for (String s : p) {
            if (s.isEmpty()) {
                return null;
            }
        }
        return switch (p.length) {
            case 4 -> new ArtifactCoordinates(p[0], p[1], p[3], "", p[2]);
            case 5 -> new ArtifactCoordinates(p[0], p[1], p[4], p[3], p[2]);
            default -> null;
        };
    }
}
