package dev.ard.core.context;

import java.util.Map;

/**
 * The CI system a build runs on, from its environment variables.
 *
 * @param provider {@code github}, {@code gitlab}, {@code jenkins}, {@code ci} (generic {@code CI=true}),
 *                 or {@code null} for a local build
 * @param buildUrl link to the CI run, or {@code null}
 * @param runId    the CI's id of this run, or {@code null}
 * @param ref      the ref being built as the CI names it, or {@code null}
 * @param baseRef  the pull/merge request's target branch, or {@code null}
 */
public record CiEnvironment(String provider, String buildUrl, String runId, String ref, String baseRef) {

    public static final CiEnvironment LOCAL = new CiEnvironment(null, null, null, null, null);

    public static CiEnvironment detect(Map<String, String> env) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean isCi() {
        return provider != null;
    }
}
