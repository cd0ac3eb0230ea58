package dev.ard.core.telemetry;

/**
 * The CI run a build was part of.
 *
 * @param provider {@code github}, {@code gitlab}, {@code jenkins}, {@code ci} (generic) or {@code null} (a local build)
 * @param buildUrl link to the CI run, or {@code null}
 */
public record CiRun(String provider, String buildUrl) {

    /** A build outside CI. */
    public static final CiRun LOCAL = new CiRun(null, null);
}
