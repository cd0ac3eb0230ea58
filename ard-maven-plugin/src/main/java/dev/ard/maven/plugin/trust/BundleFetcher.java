package dev.ard.maven.plugin.trust;

import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.trust.ArtifactCoordinates;
import dev.ard.core.trust.ConsumedArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.LocalArtifactResult;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

/**
 * Resolves each artifact's Sigstore bundle as the artifact with extension {@code <ext>.sigstore.json} (the name
 * sigstore-maven-plugin and Maven Central use), through Maven Resolver: asking first the repository the artifact itself
 * came from (when the local repository recorded it), then the project's other repositories (where a bundle was fetched
 * from does not matter to what it proves: its signature and the policy decide), cached in the local repository like any
 * artifact, with Maven's mirrors, proxies, credentials and offline mode. One batch, so the resolver downloads in parallel. A bundle that is not there
 * and a repository that cannot be asked are told apart: both follow the policy's {@code missingSignature}, but the
 * second says so.
 */
final class BundleFetcher {
    private final RepositorySystem system;
    private final RepositorySystemSession session;

    BundleFetcher(RepositorySystem system, RepositorySystemSession session) {
        this.system = system;
        this.session = session;
    }

    List<ConsumedArtifact> fetch(List<ConsumedArtifacts.Found> artifacts) {
        List<ArtifactRequest> requests = new ArrayList<>();
        for (ConsumedArtifacts.Found f : artifacts) {
            requests.add(new ArtifactRequest(bundleOf(f.coordinates()), origin(f), null));
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            results = e.getResults();
        }
        List<ConsumedArtifact> consumed = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            ConsumedArtifacts.Found f = artifacts.get(i);
            ArtifactResult r = results.get(i);
            if (r.isResolved() && r.getArtifact().getFile() != null) {
                consumed.add(ConsumedArtifact.withBundle(
                        f.coordinates(),
                        f.kind(),
                        f.file(),
                        r.getArtifact().getFile().toPath()));
                continue;
            }
            String repos = requests.get(i).getRepositories().stream()
                    .map(RemoteRepository::getId)
                    .collect(Collectors.joining(", "));
            boolean unreachable = session.isOffline()
                    || r.getExceptions().stream().anyMatch(e -> !(e instanceof ArtifactNotFoundException));
            String why = session.isOffline()
                    ? "no bundle in the local repository, and Maven is offline"
                    : unreachable
                            ? "no bundle: " + repos + " could not be asked (" + firstMessage(r) + ")"
                            : "no bundle in " + (repos.isEmpty() ? "any repository" : repos);
            consumed.add(ConsumedArtifact.withoutBundle(f.coordinates(), f.kind(), f.file(), why, unreachable));
        }
        return consumed;
    }

    static DefaultArtifact bundleOf(ArtifactCoordinates c) {
        return artifact(c, c.extension() + SigstoreBundle.FILE_SUFFIX);
    }

    private static DefaultArtifact artifact(ArtifactCoordinates c, String extension) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), extension, c.version());
    }

    /** The repository the artifact was downloaded from first, when the local repository recorded it; then the others. */
    private List<RemoteRepository> origin(ConsumedArtifacts.Found f) {
        DefaultArtifact artifact = artifact(f.coordinates(), f.coordinates().extension());
        LocalArtifactResult local = session.getLocalRepositoryManager()
                .find(session, new LocalArtifactRequest(artifact, f.repositories(), null));
        RemoteRepository from = local.getRepository();
        if (from == null) {
            return f.repositories();
        }
        List<RemoteRepository> ordered = new ArrayList<>();
        f.repositories().stream().filter(r -> r.getId().equals(from.getId())).forEach(ordered::add);
        f.repositories().stream().filter(r -> !r.getId().equals(from.getId())).forEach(ordered::add);
        return ordered;
    }

    private static String firstMessage(ArtifactResult r) {
        return r.getExceptions().stream()
                .filter(e -> !(e instanceof ArtifactNotFoundException))
                .map(e -> {
                    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
                })
                .findFirst()
                .orElse("unknown error");
    }
}
