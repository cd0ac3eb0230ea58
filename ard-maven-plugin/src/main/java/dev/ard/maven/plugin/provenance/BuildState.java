package dev.ard.maven.plugin.provenance;

import dev.ard.core.attest.model.BuilderIdentity;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitInspector;
import dev.ard.core.git.GitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What every module's {@code ard:provenance} shares within one build: git is read once, the builder
 * and invocation id are the same for all modules, a jar used by ten modules is hashed once, and a
 * warning about the working tree is logged once. Kept in the resolver session's data (one per Maven
 * session, visible to every module, thread-safe for {@code -T}).
 */
public final class BuildState {
    private static final Object KEY = BuildState.class.getName();

    private final GitState git;
    private final CiEnvironment ci;
    private final BuilderIdentity builder;
    private final Map<String, String> sha256ByFile = new ConcurrentHashMap<>();
    private final Map<String, List<ResourceDescriptor>> pluginDependencies = new ConcurrentHashMap<>();
    private final AtomicBoolean gitWarned = new AtomicBoolean();
    private final ReactorProvenance reactor = new ReactorProvenance();

    BuildState(GitState git, CiEnvironment ci, BuilderIdentity builder) {
        this.git = git;
        this.ci = ci;
        this.builder = builder;
    }

    /** The build's state, created by the first module that asks. */
    public static BuildState of(org.eclipse.aether.SessionData data, Path root, Map<String, String> env) {
        Supplier<Object> create = () ->
                new BuildState(GitInspector.inspect(root), CiEnvironment.detect(env), BuilderIdentity.detect(env));
        return (BuildState) data.computeIfAbsent(KEY, create);
    }

    public GitState git() {
        return git;
    }

    public CiEnvironment ci() {
        return ci;
    }

    public BuilderIdentity builder() {
        return builder;
    }

    public ReactorProvenance reactor() {
        return reactor;
    }

    /** True exactly once per build: the caller logs the git warning then. */
    public boolean firstGitWarning() {
        return gitWarned.compareAndSet(false, true);
    }

    /** Cache of plugin → its resolved dependencies (descriptors), shared by the modules. */
    Map<String, List<ResourceDescriptor>> pluginDependencies() {
        return pluginDependencies;
    }

    /**
     * sha256 of a file, hashed once per build for the same path, size and modification time (reactor
     * modules share most of their dependencies).
     */
    public String sha256(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        String cached = sha256ByFile.get(key);
        if (cached != null) {
            return cached;
        }
        String digest = Digests.sha256(file);
        sha256ByFile.put(key, digest);
        return digest;
    }
}
