package dev.ard.core.telemetry;

/**
 * The CI run a build was part of.
 *
 * @param provider {@code github}, {@code gitlab}, {@code jenkins}, {@code ci} (generic) or {@code null} (a local build)
 * @param buildUrl link to the CI run, or {@code null}
 * @param runId    the id the jobs of one CI run share ({@code ard.run}, else the CI's), or {@code null}
 * @param shard    {@code i/n} when the build ran one shard of the selection, else {@code null}
 */
public record CiRun(String provider, String buildUrl, String runId, String shard) {

    /** A build outside CI. */
    public static final CiRun LOCAL = new CiRun(null, null);

    /** A run without a run id or shard. */
    public CiRun(String provider, String buildUrl) {
        this(provider, buildUrl, null, null);
    }
}
