package dev.ard.core.attest.model;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who ran the build, from the CI's environment: SLSA's {@code runDetails.builder.id} and
 * {@code runDetails.metadata.invocationId}.
 * <ul>
 *   <li>GitHub Actions: {@code ${GITHUB_SERVER_URL}/${GITHUB_WORKFLOW_REF}} (the workflow file at the ref
 *       it ran from) and {@code …/actions/runs/${GITHUB_RUN_ID}/attempts/${GITHUB_RUN_ATTEMPT}}, the
 *       shape slsa-github-generator uses;</li>
 *   <li>GitLab CI: {@code ${CI_SERVER_URL}/${CI_PROJECT_PATH}/-/runners/${CI_RUNNER_ID}} and {@code CI_JOB_URL};</li>
 *   <li>Jenkins: {@code JOB_URL} (else {@code JENKINS_URL}) and {@code BUILD_URL};</li>
 *   <li>anything else: {@value #LOCAL} and a random {@code urn:uuid:}.</li>
 * </ul>
 * URLs lose any user-info: CI variables are not secret, but a URL with credentials in it would be.
 *
 * @param id           builder id URI
 * @param invocationId this run's id
 * @param ci           {@code github}, {@code gitlab}, {@code jenkins} or {@code local}
 */
public record BuilderIdentity(String id, String invocationId, String ci) {
    public static final String LOCAL = "https://ard.dev/builders/local";
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    public static BuilderIdentity detect(Map<String, String> env) {
        if ("true".equalsIgnoreCase(get(env, "GITHUB_ACTIONS"))) {
            String server = trimSlash(orElse(get(env, "GITHUB_SERVER_URL"), "https://github.com"));
            String workflowRef = get(env, "GITHUB_WORKFLOW_REF");
            String repository = get(env, "GITHUB_REPOSITORY");
            String id = workflowRef != null
                    ? server + "/" + workflowRef
                    : repository != null ? server + "/" + repository + "/.github/workflows" : server;
            String runId = get(env, "GITHUB_RUN_ID");
            String invocation = repository != null && runId != null
                    ? server + "/" + repository + "/actions/runs/" + runId + "/attempts/"
                            + orElse(get(env, "GITHUB_RUN_ATTEMPT"), "1")
                    : random();
            return new BuilderIdentity(clean(id), clean(invocation), "github");
        }
        if (get(env, "GITLAB_CI") != null) {
            String server = trimSlash(orElse(get(env, "CI_SERVER_URL"), "https://gitlab.com"));
            String project = get(env, "CI_PROJECT_PATH");
            String runner = get(env, "CI_RUNNER_ID");
            String id =
                    server + (project == null ? "" : "/" + project) + (runner == null ? "" : "/-/runners/" + runner);
            return new BuilderIdentity(clean(id), clean(orElse(get(env, "CI_JOB_URL"), random())), "gitlab");
        }
        if (get(env, "JENKINS_URL") != null) {
            String id = orElse(get(env, "JOB_URL"), get(env, "JENKINS_URL"));
            return new BuilderIdentity(clean(id), clean(orElse(get(env, "BUILD_URL"), random())), "jenkins");
        }
        return new BuilderIdentity(LOCAL, random(), "local");
    }

    private static String random() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static String clean(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1");
    }

    private static String get(Map<String, String> env, String name) {
        String value = env == null ? null : env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
