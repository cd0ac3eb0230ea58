package dev.ard.core.trust;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An artifact the build consumes, with its file in the local repository and what resolving its bundle gave.
 *
 * @param kind   {@code dependency}, {@code plugin}, {@code plugin-dependency}, {@code extension} or
 *               {@code core-extension}
 * @param bundle the bundle file, or {@code null} when there is none
 * @param noBundle why there is no bundle ("not in central", "central unreachable: …"), or {@code null} when found
 * @param unreachable the repository could not be asked (offline, network error), as opposed to not having it
 */
public record ConsumedArtifact(
        ArtifactCoordinates coordinates, String kind, Path file, Path bundle, String noBundle, boolean unreachable) {
    public ConsumedArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(kind, "kind");
        if (bundle == null && noBundle == null) {
            throw new IllegalArgumentException("say why there is no bundle");
        }
    }

    public static ConsumedArtifact withBundle(ArtifactCoordinates c, String kind, Path file, Path bundle) {
        return new ConsumedArtifact(c, kind, file, Objects.requireNonNull(bundle, "bundle"), null, false);
    }

    public static ConsumedArtifact withoutBundle(
            ArtifactCoordinates c, String kind, Path file, String why, boolean unreachable) {
        return new ConsumedArtifact(c, kind, file, null, why, unreachable);
    }
}
