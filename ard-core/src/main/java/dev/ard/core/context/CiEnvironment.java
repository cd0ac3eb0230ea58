package dev.ard.core.context;

import java.util.Map;

/**
 * The CI system a build runs on, from its environment variables.
 *
 * @param provider {@code github}, {@code gitlab}, {@code jenkins}, {@code ci} (generic {@code CI=true}),
 *                 or {@code null} for a local build
 * @param buildUrl link to the CI run, or {@code null}
 * @param runId    the CI's id of this run (the jobs of one run share it), or {@code null}: GitHub
 *                 {@code GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT}, GitLab {@code CI_PIPELINE_ID}, Jenkins {@code BUILD_TAG}
 * @param ref      the ref being built as the CI names it, or {@code null}
 * @param baseRef  the pull/merge request's target branch, or {@code null}
 */
public record CiEnvironment(String provider, String buildUrl, String runId, String ref, String baseRef) {

    public static final CiEnvironment LOCAL = new CiEnvironment(null, null, null, null, null);

    /**
     * Recognises GitHub Actions, GitLab CI and Jenkins by their own marker variables (checked in that
     * order: a Jenkins agent may also export {@code CI}), then any CI that sets {@code CI=true} or
     * {@code CI=1}. Blank variables count as unset (GitHub sets {@code GITHUB_BASE_REF=""} on pushes).
     */
    public static CiEnvironment detect(Map<String, String> env) {
        if (env == null) {
            return LOCAL;
        }
        if ("true".equalsIgnoreCase(value(env, "GITHUB_ACTIONS"))) {
            return github(env);
        }
        if (value(env, "GITLAB_CI") != null) {
            return new CiEnvironment(
                    "gitlab",
                    first(env, "CI_JOB_URL", "CI_PIPELINE_URL"),
                    first(env, "CI_PIPELINE_ID", "CI_JOB_ID"),
                    value(env, "CI_COMMIT_REF_NAME"),
                    value(env, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"));
        }
        if (value(env, "JENKINS_URL") != null) {
            return new CiEnvironment(
                    "jenkins",
                    value(env, "BUILD_URL"),
                    first(env, "BUILD_TAG", "BUILD_ID"),
                    first(env, "GIT_BRANCH", "BRANCH_NAME"),
                    value(env, "CHANGE_TARGET"));
        }
        String ci = value(env, "CI");
        if ("true".equalsIgnoreCase(ci) || "1".equals(ci)) {
            return new CiEnvironment("ci", null, null, null, null);
        }
        return LOCAL;
    }

    private static CiEnvironment github(Map<String, String> env) {
        String server = value(env, "GITHUB_SERVER_URL");
        String repository = value(env, "GITHUB_REPOSITORY");
        String runId = value(env, "GITHUB_RUN_ID");
        String url = null;
        if (repository != null && runId != null) {
            String base = server == null ? "https://github.com" : stripTrailingSlash(server);
            url = base + "/" + repository + "/actions/runs/" + runId;
        }
        // a re-run of a workflow keeps GITHUB_RUN_ID and counts GITHUB_RUN_ATTEMPT up: the attempt is a run of its own
        String attempt = value(env, "GITHUB_RUN_ATTEMPT");
        String run = runId != null && attempt != null ? runId + "-" + attempt : runId;
        return new CiEnvironment("github", url, run, value(env, "GITHUB_REF"), value(env, "GITHUB_BASE_REF"));
    }

    public boolean isCi() {
        return provider != null;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String first(Map<String, String> env, String name, String fallback) {
        String value = value(env, name);
        return value != null ? value : value(env, fallback);
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
