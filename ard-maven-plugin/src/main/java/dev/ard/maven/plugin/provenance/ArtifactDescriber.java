package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.MavenPurl;
import dev.ard.core.attest.model.ResourceDescriptor;
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
        this.localRepository = session.getLocalRepository()
                .getBasedir()
                .toPath()
                .toAbsolutePath()
                .normalize();
    }

    /**
     * The descriptor of {@code artifact}; {@code type} is Maven's artifact type (the purl's type),
     * {@code annotations} extra facts such as kind and scope. Never throws: a file that cannot be read
     * gives a descriptor without digest and a {@code digestError} annotation, and {@code problems}
     * gets one line.
     */
    public ResourceDescriptor describe(
            Artifact artifact,
            String type,
            List<RemoteRepository> repositories,
            Map<String, Object> annotations,
            List<String> problems) {
        String purl = MavenPurl.of(
                artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(), type, artifact.getClassifier());
        Map<String, Object> facts = new LinkedHashMap<>(annotations);
        File file = artifact.getFile();
        LocalArtifactResult local = null;
        if (file == null || file.toPath().toAbsolutePath().normalize().startsWith(localRepository)) {
            local = session.getLocalRepositoryManager()
                    .find(session, new LocalArtifactRequest(artifact, repositories, null));
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

    /**
     * The descriptor of a jar on a plugin's class path: its coordinates are read from where it lies in
     * the local repository ({@code g/r/o/u/p/artifactId/version/artifactId-version[-classifier].ext}); a file
     * elsewhere (a plugin built in this reactor) is named by its file name only.
     */
    public ResourceDescriptor describeFile(
            Path file,
            String type,
            List<RemoteRepository> repositories,
            Map<String, Object> annotations,
            List<String> problems) {
        Artifact artifact = artifactAt(localRepository, file);
        if (artifact != null) {
            return describe(
                    artifact, type != null ? type : artifact.getExtension(), repositories, annotations, problems);
        }
        Map<String, Object> facts = new LinkedHashMap<>(annotations);
        facts.put("origin", "outside the local repository");
        Map<String, String> digest = Map.of();
        try {
            digest = Map.of("sha256", state.sha256(file));
        } catch (IOException | RuntimeException e) {
            facts.put("digestError", e.getClass().getSimpleName());
            problems.add(file + ": cannot hash (" + e.getClass().getSimpleName() + ")");
        }
        return new ResourceDescriptor(file.getFileName().toString(), null, digest, null, null, facts);
    }

    /** Coordinates from a path in a default-layout repository, or {@code null}. */
    static Artifact artifactAt(Path repository, Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(repository)) {
            return null;
        }
        Path rel = repository.relativize(f);
        int n = rel.getNameCount();
        if (n < 4) {
            return null;
        }
        String name = rel.getName(n - 1).toString();
        String version = rel.getName(n - 2).toString();
        String artifactId = rel.getName(n - 3).toString();
        String groupId = rel.subpath(0, n - 3).toString().replace(java.io.File.separatorChar, '.');
        int dot = name.lastIndexOf('.');
        if (!name.startsWith(artifactId + "-") || dot <= artifactId.length()) {
            return null;
        }
        String extension = name.substring(dot + 1);
        String rest = name.substring(artifactId.length() + 1, dot);
        String classifier = "";
        if (rest.startsWith(version + "-")) {
            classifier = rest.substring(version.length() + 1);
        } else if (!rest.equals(version)) {
            version = rest; // a timestamped SNAPSHOT: the file names the exact version
        }
        return new org.eclipse.aether.artifact.DefaultArtifact(groupId, artifactId, classifier, extension, version)
                .setFile(f.toFile());
    }

    static String withoutUserInfo(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
