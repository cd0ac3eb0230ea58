package dev.ard.maven.plugin;

import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.attest.verify.ArtifactAndBundle;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.DeployGate;
import dev.ard.core.attest.verify.DeployedFile;
import dev.ard.core.attest.verify.FileProblem;
import dev.ard.core.attest.verify.GateReport;
import dev.ard.core.attest.verify.KeyVerifier;
import dev.ard.core.attest.verify.ProvenanceFiles;
import dev.ard.core.attest.verify.ProvenancePolicy;
import dev.ard.core.attest.verify.VerificationPolicy;
import dev.ard.core.attest.verify.VerifiedBundle;
import dev.ard.core.io.UntrustedText;
import dev.ard.maven.plugin.sign.KeySource;
import dev.ard.maven.plugin.sign.SignTarget;
import dev.ard.maven.plugin.sign.SignTargets;
import dev.ard.maven.plugin.sigstore.SigstoreVerifiers;
import dev.ard.maven.support.ServerCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Verifies Sigstore bundles, offline, and fails the build naming the file and the reason when one does not.
 *
 * <p><b>Gate</b> (bound after {@code ard:sign}, before {@code deploy:deploy}): every file the module
 * deploys must have its attached <code>&lt;file&gt;.sigstore.json</code>, which must verify for the file
 * on disk; the provenance bundle must verify and each of its subjects must equal the file on disk.
 * Nothing unsigned or mismatched reaches the repository. The checks are core's {@link DeployGate}; this Mojo
 * gathers the module's files and attached bundles, and turns the gate's report into the build's result.
 *
 * <p><b>Standalone</b> (no project needed): {@code -Dard.verify.artifact=FILE|sha256:<hex>
 * -Dard.verify.bundle=FILE} with {@code -Dard.verify.key=PEM} or {@code -Dard.verify.identity=…
 * -Dard.verify.issuer=…} ({@code -Dard.trustedRoot=FILE} pins the root; with a key it checks the log entry), and the provenance policy ({@code ard.verify.builderId},
 * {@code ard.verify.sourceRepo}, {@code ard.verify.requireProvenance}) when given: then the bundle must be a DSSE
 * provenance bundle. Maven exits 0 only when the bundle verifies and meets every policy given.
 *
 * <p>Policy: a public key (ARD's own {@link KeyVerifier}: sigstore-java 2.0.0 verifies only
 * certificate bundles) or a certificate identity + issuer under a trusted root (sigstore-java's
 * verifier: chain, SCT, Rekor inclusion proof/SET/checkpoint, RFC 3161 timestamps).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractMojo {
    /** Room for ARD's own reason plus a few capped values it quotes. */
    private static final int MESSAGE_MAX = 2000;

    /** Standalone: the artifact file, or its digest as {@code sha256:<hex>}. Set → standalone mode, the project (if any) is ignored. */
    @Parameter(property = "ard.verify.artifact")
    private String artifact;

    /** Standalone: the bundle; default <code>&lt;artifact&gt;.sigstore.json</code> when the artifact is a file. */
    @Parameter(property = "ard.verify.bundle")
    private File bundle;

    /** PEM public key the bundles must be signed with (key mode). In the gate, default: the public half of {@code ard.sign.key}. */
    @Parameter(property = "ard.verify.key")
    private File publicKey;

    /** Keyless: the certificate identity (SAN: e-mail or workflow URI, e.g. {@code https://github.com/o/r/.github/workflows/release.yml@refs/heads/main}). */
    @Parameter(property = "ard.verify.identity")
    private String identity;

    /** Keyless: the OIDC issuer, e.g. {@code https://token.actions.githubusercontent.com}. */
    @Parameter(property = "ard.verify.issuer")
    private String issuer;

    /** Keyless: match identity and issuer as regular expressions instead of exactly. */
    @Parameter(property = "ard.verify.regex", defaultValue = "false")
    private boolean regex;

    /**
     * The pinned {@code trusted_root.json} (offline). Keyless: without it sigstore-java fetches the public-good root via
     * TUF. With a key: the bundle's transparency-log entry must verify against its Rekor keys too.
     */
    @Parameter(property = "ard.trustedRoot")
    private File trustedRoot;

    /**
     * Expected source repository in the provenance, e.g. {@code https://github.com/o/r} (default: not checked). Matched
     * exactly, up to {@code git+}, {@code .git} and the {@code @ref}: {@code https://github.com/o/r} does not accept
     * {@code https://github.com/o/r-evil}. Standalone, the bundle must then be a DSSE provenance bundle.
     */
    @Parameter(property = "ard.verify.sourceRepo")
    private String sourceRepo;

    /**
     * Expected builder id in the provenance (default: not checked). Matched exactly; a value without {@code @ref}
     * accepts the same id at any ref ({@code …/release.yml} accepts {@code …/release.yml@refs/heads/main}, not
     * {@code …/release.yml-evil.yml@…}). Standalone, the bundle must then be a DSSE provenance bundle.
     */
    @Parameter(property = "ard.verify.builderId")
    private String builderId;

    /**
     * The provenance must be there (default: checked when present): in the gate, the module's provenance bundle;
     * standalone, the bundle must be a DSSE bundle of valid SLSA provenance naming the artifact.
     */
    @Parameter(property = "ard.verify.requireProvenance", defaultValue = "false")
    private boolean requireProvenance;

    /** Gate: the signing key, used for its public half when {@code ard.verify.key} is not set. */
    @Parameter(property = "ard.sign.key")
    private String signKey;

    /** Gate: settings.xml server with the signing key's password (see {@code ard:sign}). */
    @Parameter(property = "ard.sign.server")
    private String signServer;

    /** Skips verification. */
    @Parameter(property = "ard.verify.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    private final MavenSession session;
    private final SettingsDecrypter decrypter;

    @Inject
    public VerifyMojo(MavenSession session, SettingsDecrypter decrypter) {
        this.session = session;
        this.decrypter = decrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ARD: verification skipped (ard.verify.skip)");
            return;
        }
        if (artifact != null && !artifact.isBlank()) {
            standalone();
        } else if (project != null && project.getFile() != null) {
            gate();
        } else {
            throw new MojoFailureException(
                    "ARD: nothing to verify: give -Dard.verify.artifact=FILE|sha256:<hex> and -Dard.verify.bundle=FILE");
        }
    }

    private void standalone() throws MojoFailureException {
        if (bundle == null && ArtifactAndBundle.isDigest(artifact)) {
            throw new MojoFailureException(
                    "ARD: -Dard.verify.bundle is required when the artifact is given as a digest");
        }
        ArtifactAndBundle target;
        try {
            target = ArtifactAndBundle.of(artifact, bundle == null ? null : bundle.toPath());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("ARD: cannot read the artifact " + artifact + ": " + e.getMessage());
        }
        BundleVerifier verifier = verifier(false);
        try {
            VerifiedBundle v = target.verify(verifier, new ProvenancePolicy(sourceRepo, builderId), requireProvenance);
            getLog().info("ARD: verified " + artifact + " with "
                    + target.bundle().getFileName() + " (" + v.kind() + ", signer " + v.signer() + ", " + v.logEntry()
                    + ")");
        } catch (IOException e) {
            throw new MojoFailureException("ARD: " + e.getMessage());
        } catch (VerificationException e) {
            // the reason quotes the bundle in places: one escaped line, whatever a reason missed
            throw new MojoFailureException(
                    "ARD: " + artifact + " does not verify: " + UntrustedText.line(e.getMessage(), MESSAGE_MAX));
        }
    }

    /** Gathers the module's files and attached bundles; {@link DeployGate} decides. */
    private void gate() throws MojoFailureException {
        List<FileProblem> notPackaged = new ArrayList<>();
        List<SignTarget> targets = SignTargets.of(project, notPackaged);
        Map<String, Artifact> bundles = new LinkedHashMap<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            bundles.put(a.getType() + ":" + (a.getClassifier() == null ? "" : a.getClassifier()), a);
        }
        List<DeployedFile> files = new ArrayList<>();
        for (SignTarget t : targets) {
            Artifact b = bundles.get(t.bundleExtension() + ":" + (t.classifier() == null ? "" : t.classifier()));
            files.add(
                    b == null || b.getFile() == null
                            ? new DeployedFile.Unsigned(t.name(), t.file(), t.bundleName())
                            : new DeployedFile.Signed(
                                    t.name(), t.file(), b.getFile().toPath()));
        }
        Artifact attached = bundles.get("provenance" + SigstoreBundle.FILE_SUFFIX + ":");
        // Keyless signing without Rekor v2 signs the statement file ard:provenance wrote as a blob.
        Path statement = Path.of(
                project.getBuild().getDirectory(),
                "ard",
                project.getArtifactId() + "-" + project.getVersion() + ".provenance.json");
        Optional<ProvenanceFiles> provenance = attached == null || attached.getFile() == null
                ? Optional.empty()
                : Optional.of(new ProvenanceFiles(attached.getFile().toPath(), statement));
        DeployGate gate =
                new DeployGate(verifier(true), new ProvenancePolicy(sourceRepo, builderId), requireProvenance);
        GateReport report = gate.check(project.getArtifactId(), notPackaged, files, provenance);
        VerificationRecord.write(Path.of(project.getBuild().getDirectory(), "ard"), report, getLog());
        if (!report.passed()) {
            throw new MojoFailureException("ARD: " + UntrustedText.line(report.failure(), MESSAGE_MAX));
        }
        getLog().info("ARD: " + report.summary());
    }

    /** Key policy, else identity policy; in the gate the signing key's public half as a last resort. */
    private BundleVerifier verifier(boolean gate) throws MojoFailureException {
        try {
            return policy(gate).verifier(new SigstoreVerifiers());
        } catch (IOException | VerificationException | RuntimeException e) {
            throw new MojoFailureException("ARD: cannot set up verification: " + e.getMessage());
        }
    }

    private Optional<Path> pinnedRoot() {
        return Optional.ofNullable(trustedRoot).map(File::toPath);
    }

    private VerificationPolicy policy(boolean gate) throws MojoFailureException, IOException {
        if (publicKey != null) {
            return new VerificationPolicy.Key(PublicKeys.read(publicKey.toPath()), pinnedRoot());
        }
        if (identity != null && !identity.isBlank()) {
            if (issuer == null || issuer.isBlank()) {
                throw new MojoFailureException("ARD: -Dard.verify.identity needs -Dard.verify.issuer");
            }
            return new VerificationPolicy.Identity(identity, issuer, regex, pinnedRoot());
        }
        if (gate) {
            Optional<SigningKey> key = KeySource.load(
                    signKey,
                    signServer,
                    System.getenv(),
                    id -> ServerCredentials.of(session.getSettings(), decrypter, id));
            if (key.isPresent()) {
                return new VerificationPolicy.Key(key.get().publicKey(), pinnedRoot());
            }
        }
        throw new MojoFailureException(
                "ARD: no verification policy: give -Dard.verify.key=PEM, or -Dard.verify.identity and -Dard.verify.issuer"
                        + " (with -Dard.trustedRoot=FILE to stay offline)");
    }
}
