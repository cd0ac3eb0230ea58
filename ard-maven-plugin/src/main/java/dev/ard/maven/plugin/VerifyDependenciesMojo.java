package dev.ard.maven.plugin;

import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.UntrustedText;
import dev.ard.core.trust.CertificateCheck;
import dev.ard.core.trust.ConsumedArtifact;
import dev.ard.core.trust.DependencyCheck;
import dev.ard.core.trust.DependencyReport;
import dev.ard.core.trust.DependencyVerdict;
import dev.ard.core.trust.TrustLock;
import dev.ard.core.trust.TrustPolicy;
import dev.ard.core.trust.TrustPolicyException;
import dev.ard.core.trust.TrustPolicyParser;
import dev.ard.core.trust.VerdictCache;
import dev.ard.maven.plugin.sigstore.CertificateBundleCheck;
import dev.ard.maven.plugin.trust.DependencyVerification;
import dev.ard.maven.support.BuildRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.RepositorySystem;

/**
 * Verifies what the build consumes: every resolved dependency of every reactor module (all scopes, transitive), every
 * build plugin and extension with its dependencies, and the core extensions, each against the Sigstore bundle published
 * next to it ({@code <file>.sigstore.json}, resolved through Maven Resolver and cached in the local repository), under
 * the trust policy ({@code .mvn/ard-trust.json}) and the trust lock ({@code .mvn/ard-trust.lock}). Prints one summary
 * line, writes {@code target/ard/dependencies.json}, and fails the build naming each artifact that fails. Runs once per
 * build (an aggregator); bind it to {@code validate}, or let the extension run it with {@code -Dard.verifyDependencies}.
 * See {@code docs/dependency-verification.md} for what a verified bundle proves and what it does not.
 */
@Mojo(
        name = "verify-dependencies",
        defaultPhase = LifecyclePhase.VALIDATE,
        aggregator = true,
        threadSafe = true,
        requiresProject = true)
public class VerifyDependenciesMojo extends AbstractMojo {
    /** The trust policy, from the build's root (missing: any signer that verifies, a missing bundle warns). */
    @Parameter(property = "ard.trust.policy", defaultValue = ".mvn/ard-trust.json")
    private String policy;

    /** The trust lock, from the build's root: checked when present, rewritten with {@code ard.trust.update}. */
    @Parameter(property = "ard.trust.lock", defaultValue = ".mvn/ard-trust.lock")
    private String lock;

    /** Rewrite the trust lock from what this build consumes (only when nothing fails the policy). */
    @Parameter(property = "ard.trust.update", defaultValue = "false")
    private boolean update;

    /** A pinned {@code trusted_root.json} for certificate bundles (offline); default: the public-good root via TUF. */
    @Parameter(property = "ard.trustedRoot")
    private File trustedRoot;

    /** Lists every artifact with its verdict and reason. */
    @Parameter(property = "ard.explain", defaultValue = "false")
    private boolean explain;

    /** Skips dependency verification. */
    @Parameter(property = "ard.verifyDependencies.skip", defaultValue = "false")
    private boolean skip;

    private final MavenSession session;
    private final RepositorySystem system;
    private final ProjectDependenciesResolver dependencies;

    @Inject
    public VerifyDependenciesMojo(
            MavenSession session, RepositorySystem system, ProjectDependenciesResolver dependencies) {
        this.session = session;
        this.system = system;
        this.dependencies = dependencies;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ARD: dependency verification skipped (ard.verifyDependencies.skip)");
            return;
        }
        if (DependencyVerification.alreadyRan(session)) {
            return;
        }
        long start = System.nanoTime();
        Path root = BuildRoot.of(session);
        Path policyFile = root.resolve(policy);
        Path lockFile = root.resolve(lock);
        TrustPolicy trust;
        TrustLock locked;
        CertificateCheck certificates;
        try {
            trust = TrustPolicyParser.read(policyFile);
            locked = TrustLock.read(lockFile);
        } catch (TrustPolicyException e) {
            throw new MojoFailureException("ARD: " + e.getMessage());
        }
        try {
            certificates =
                    new CertificateBundleCheck(Optional.ofNullable(trustedRoot).map(File::toPath), session.isOffline());
        } catch (VerificationException e) {
            throw new MojoFailureException("ARD: cannot use the trusted root: " + e.getMessage());
        }
        DependencyVerification.Outcome gathered =
                new DependencyVerification(session, system, dependencies).gather(root);
        gathered.problems().forEach(p -> getLog().warn("ARD: " + UntrustedText.line(p, 400)));
        List<ConsumedArtifact> consumed = gathered.artifacts();
        Path cacheDir = session.getRepositorySession()
                .getLocalRepository()
                .getBasedir()
                .toPath()
                .resolve(".ard/verdicts");
        DependencyReport report =
                new DependencyCheck(trust, locked, certificates, new VerdictCache(cacheDir), update).check(consumed);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String summary = report.summary() + " (" + ms + " ms)";
        Path out = Path.of(session.getTopLevelProject().getBuild().getDirectory(), "ard", "dependencies.json");
        try {
            report.write(out, summary);
        } catch (IOException e) {
            getLog().warn("ARD: cannot write " + out + ": " + e.getMessage());
        }
        for (DependencyVerdict v : report.verdicts()) {
            if (v.failed()) {
                getLog().error("ARD: " + v.coordinates() + " (" + v.kind() + "): " + v.reason());
            } else if (explain) {
                getLog().info("ARD: " + v.coordinates() + " (" + v.kind() + "): "
                        + v.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", " + v.reason());
            }
        }
        if (!report.failures().isEmpty()) {
            throw new MojoFailureException("ARD: " + summary + "; see the errors above and " + out);
        }
        getLog().info("ARD: " + summary);
        if (update) {
            TrustLock written = report.lock();
            try {
                written.write(lockFile);
                getLog().info("ARD: wrote " + lockFile + " (" + written.size() + " artifacts); review it like code");
            } catch (IOException e) {
                throw new MojoExecutionException("ARD: cannot write " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }
}
