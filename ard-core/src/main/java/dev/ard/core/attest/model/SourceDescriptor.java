package dev.ard.core.attest.model;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import java.util.Map;

/**
 * The source entry of {@code resolvedDependencies}: {@code git+<remote>@<ref>} with digest
 * {@code gitCommit}, the form slsa-github-generator writes. The ref is the CI's ref when there is one
 * (a detached checkout on CI knows its ref only from the CI), else {@code refs/heads/<branch>},
 * else none. An scp-like remote ({@code git@host:o/r.git}, user already removed by {@link GitState})
 * becomes {@code ssh://host/o/r.git} so the entry is a URI.
 */
public final class SourceDescriptor {
    private SourceDescriptor() {}

    /** The descriptor, or {@code null} when git has no commit to name (not a repository, unborn branch). */
    public static ResourceDescriptor of(GitState git, CiEnvironment ci) {
        if (git == null || !git.available() || git.commit() == null) {
            return null;
        }
        String ref = ref(git, ci);
        String remote = uriOf(git.remoteUrl());
        String uri = remote == null ? null : "git+" + remote + (ref == null ? "" : "@" + ref);
        return new ResourceDescriptor(
                remote == null ? "source" : null,
                uri,
                Map.of("gitCommit", git.commit()),
                null,
                null,
                Map.of("kind", "source"));
    }

    /** The ref built: CI's (e.g. {@code refs/heads/main}, {@code refs/pull/1/merge}), else the local branch. */
    public static String ref(GitState git, CiEnvironment ci) {
        if (ci != null && ci.ref() != null) {
            String r = ci.ref();
            // Jenkins names the branch as its remote-tracking ref (origin/main).
            return r.startsWith("refs/")
                    ? r
                    : "refs/heads/" + (r.startsWith("origin/") ? r.substring("origin/".length()) : r);
        }
        return git != null && git.branch() != null ? "refs/heads/" + git.branch() : null;
    }

    /** The remote as a URI, or {@code null}. */
    public static String uriOf(String remote) {
        if (remote == null || remote.isBlank()) {
            return null;
        }
        if (remote.contains("://")) {
            return remote;
        }
        int colon = remote.indexOf(':');
        if (colon > 0 && remote.indexOf('/') > colon) {
            return "ssh://" + remote.substring(0, colon) + "/" + remote.substring(colon + 1);
        }
        return "file://" + (remote.startsWith("/") ? "" : "/") + remote;
    }
}
