package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.MavenPurl;
import dev.ard.core.attest.ResourceDescriptor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.LocalArtifactResult;
import org.eclipse.aether.repository.LocalRepositoryManager;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * One resolved artifact as a {@code resolvedDependencies} entry: purl, sha256 of the file Maven used,
 * and where it came from. The origin is what the local repository recorded when the file was
 * downloaded ({@code _remote.repositories}, read through the resolver's
 * {@link LocalRepositoryManager#find}), matched against the repositories the module would use: a
 * file installed locally ({@code mvn install}) or copied in by hand has no remote origin, and none is
 * claimed. A file outside the local repository comes from the reactor (another module's
 * {@code target/}) or a {@code system}-scoped path.
 */
public final class ArtifactDescriber {
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    private final RepositorySystemSession session;
    private final BuildState state;
    private final Path localRepository;

    public ArtifactDescriber(RepositorySystemSession session, BuildState state) {
        this.session = session;
        this.state = state;
        this.localRepository = session.getLocalRepository().getBasedir().toPath().toAbsolutePath().normalize();
    }

    /**
     * The descriptor of {@code artifact}; {@code type} is Maven's artifact type (the purl's type),
     * {@code annotations} extra facts such as kind and scope. Never throws: a file that cannot be read
     * gives a descriptor without digest and a {@code digestError} annotation, and {@code problems}
     * gets one line.
     */
    public ResourceDescriptor describe(Artifact artifact, String type, List<RemoteRepository> repositories,
                                       Map<String, Object> annotations, List<String> problems) {
        String purl = MavenPurl.of(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(), type, artifact.getClassifier());
        Map<String, Object> facts = new LinkedHashMap<>(annotations);
        File file = artifact.getFile();
        LocalArtifactResult local = null;
        if (file == null || file.toPath().toAbsolutePath().normalize().startsWith(localRepository)) {
            local = session.getLocalRepositoryManager().find(session, new LocalArtifactRequest(artifact, repositories, null));
            if (file == null && local.getFile() != null && local.getFile().isFile()) {
                file = local.getFile();
            }
        } else {
            facts.put("origin", "system".equals(annotations.get("scope")) ? "system" : "reactor");
        }
        String downloadLocation = null;
        if (local != null && local.getRepository() != null) {
            RemoteRepository repository = local.getRepository();
            String url = withoutUserInfo(repository.getUrl());
            facts.put("repository", url);
            downloadLocation = trimSlash(url) + "/"
                    + session.getLocalRepositoryManager().getPathForRemoteArtifact(artifact, repository, "");
        } else if (local != null && file != null) {
            facts.put("origin", "local");
        }
        Map<String, String> digest = Map.of();
        if (file == null) {
            facts.put("digestError", "no file");
            problems.add(purl + ": no file");
        } else {
            try {
                digest = Map.of("sha256", state.sha256(file.toPath()));
            } catch (IOException | RuntimeException e) {
                String cause = e.getClass().getSimpleName();
                facts.put("digestError", cause);
                problems.add(purl + ": cannot hash " + file + " (" + cause + ")");
            }
        }
        return new ResourceDescriptor(null, purl, digest, downloadLocation, null, facts);
    }

    static String withoutUserInfo(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
