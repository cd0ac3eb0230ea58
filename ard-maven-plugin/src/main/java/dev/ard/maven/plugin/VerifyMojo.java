package dev.ard.maven.plugin;

import dev.ard.core.attest.json.ProvenanceFormatException;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.KeyVerifier;
import dev.ard.core.attest.verify.ProvenancePolicy;
import dev.ard.core.attest.verify.VerifiedBundle;
import dev.ard.maven.plugin.sign.KeySource;
import dev.ard.maven.plugin.sign.SignTarget;
import dev.ard.maven.plugin.sign.SignTargets;
import dev.ard.maven.plugin.sigstore.KeylessBundleVerifier;
import dev.ard.maven.support.ServerCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Nothing unsigned or mismatched reaches the repository.
 *
 * <p><b>Standalone</b> (no project needed): {@code -Dard.verify.artifact=FILE|sha256:<hex>
 * -Dard.verify.bundle=FILE} with {@code -Dard.verify.key=PEM} or {@code -Dard.verify.identity=…
 * -Dard.verify.issuer=… [-Dard.trustedRoot=FILE]}. Maven exits 0 only when the bundle verifies.
 *
 * <p>Policy: a public key (ARD's own {@link KeyVerifier}: sigstore-java 2.0.0 verifies only
 * certificate bundles) or a certificate identity + issuer under a trusted root (sigstore-java's
 * verifier: chain, SCT, Rekor inclusion proof/SET/checkpoint, RFC 3161 timestamps).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractMojo {

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

    /** Keyless: the pinned {@code trusted_root.json} (offline). Without it sigstore-java fetches the public-good root via TUF. */
    @Parameter(property = "ard.trustedRoot")
    private File trustedRoot;

    /** Expected source repository in the provenance, e.g. {@code https://github.com/o/r} (default: not checked). */
    @Parameter(property = "ard.verify.sourceRepo")
    private String sourceRepo;

    /** Expected builder id prefix in the provenance (default: not checked). */
    @Parameter(property = "ard.verify.builderId")
    private String builderId;

    /** Gate: the provenance bundle must be present (default: checked when present). */
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
            throw new MojoFailureException("ARD: nothing to verify: give -Dard.verify.artifact=FILE|sha256:<hex> and -Dard.verify.bundle=FILE");
        }
    }

    private void standalone() throws MojoFailureException {
        ArtifactDigest digest;
        Path bundleFile;
        try {
            if (artifact.strip().regionMatches(true, 0, "sha256:", 0, 7)) {
                digest = ArtifactDigest.parse(artifact);
                if (bundle == null) {
                    throw new MojoFailureException("ARD: -Dard.verify.bundle is required when the artifact is given as a digest");
                }
                bundleFile = bundle.toPath();
            } else {
                Path file = Path.of(artifact);
                digest = ArtifactDigest.of(file);
                bundleFile = bundle != null ? bundle.toPath() : Path.of(artifact + SigstoreBundle.FILE_SUFFIX);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("ARD: cannot read the artifact " + artifact + ": " + e.getMessage());
        }
        BundleVerifier verifier = verifier(false);
        try {
            VerifiedBundle v = verifier.verify(read(bundleFile), digest);
            getLog().info("ARD: verified " + artifact + " with " + bundleFile.getFileName() + " (" + v.kind() + ", signer " + v.signer() + ")");
        } catch (VerificationException e) {
            throw new MojoFailureException("ARD: " + artifact + " does not verify: " + e.getMessage());
        }
    }

    private void gate() throws MojoFailureException, MojoExecutionException {
        List<String> problems = new ArrayList<>();
        List<SignTarget> targets = SignTargets.of(project, problems);
        Map<String, Artifact> bundles = new LinkedHashMap<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            bundles.put(a.getType() + ":" + (a.getClassifier() == null ? "" : a.getClassifier()), a);
        }
        BundleVerifier verifier = verifier(true);
        Map<String, String> onDisk = new LinkedHashMap<>();
        int verified = 0;
        for (SignTarget t : targets) {
            Artifact b = bundles.get(t.bundleExtension() + ":" + (t.classifier() == null ? "" : t.classifier()));
            if (b == null || b.getFile() == null) {
                problems.add(t.name() + ": unsigned (no " + t.bundleName() + " attached; run ard:sign first)");
                continue;
            }
            try {
                ArtifactDigest digest = ArtifactDigest.of(t.file());
                onDisk.put(t.name(), digest.sha256());
                verifier.verify(read(b.getFile().toPath()), digest);
                verified++;
            } catch (VerificationException | IOException | MojoFailureException e) {
                problems.add(t.name() + ": " + e.getMessage());
            }
        }
        Artifact provenance = bundles.get("provenance" + SigstoreBundle.FILE_SUFFIX + ":");
        if (provenance != null && provenance.getFile() != null) {
            try {
                checkProvenance(verifier, provenance.getFile().toPath(), onDisk);
                verified++;
            } catch (VerificationException | MojoFailureException e) {
                problems.add(provenance.getFile().getName() + ": " + e.getMessage());
            }
        } else if (requireProvenance) {
            problems.add(project.getArtifactId() + ": no provenance bundle attached (ard.verify.requireProvenance)");
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("ARD: " + problems.size() + " file(s) of " + project.getArtifactId() + " do not verify; nothing may be deployed: "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size()))) + (problems.size() > 5 ? "; …" : ""));
        }
        getLog().info("ARD: verified " + verified + " bundle(s) of " + project.getArtifactId());
    }

    /** DSSE provenance: the signature, then every subject against the files on disk and the policy. */
    private void checkProvenance(BundleVerifier verifier, Path bundleFile, Map<String, String> onDisk)
            throws VerificationException, MojoFailureException {
        byte[] json = read(bundleFile);
        SigstoreBundle parsed = dev.ard.core.attest.json.BundleJson.read(json);
        if (parsed.dsseEnvelope() == null) {
            // Keyless fallback without Rekor v2: a blob bundle of the statement file.
            Path statement = Path.of(project.getBuild().getDirectory(), "ard", project.getArtifactId() + "-" + project.getVersion() + ".provenance.json");
            try {
                verifier.verify(json, ArtifactDigest.of(statement));
                new ProvenancePolicy(sourceRepo, builderId).check(ProvenanceParser.parse(statement).statement(), onDisk);
            } catch (IOException | ProvenanceFormatException e) {
                throw new VerificationException("cannot read the signed provenance " + statement.getFileName() + ": " + e.getMessage());
            }
            return;
        }
        String firstSubject = onDisk.values().stream().findFirst().orElseThrow(() -> new VerificationException("no file to match the provenance against"));
        VerifiedBundle v;
        try {
            v = verifier.verify(json, new ArtifactDigest(firstSubject));
        } catch (VerificationException e) {
            // The first file need not be a subject (the POM of a jar module is not): try each file.
            v = null;
            for (String sha : onDisk.values()) {
                try {
                    v = verifier.verify(json, new ArtifactDigest(sha));
                    break;
                } catch (VerificationException ignored) {
                    // next
                }
            }
            if (v == null) {
                throw e;
            }
        }
        try {
            new ProvenancePolicy(sourceRepo, builderId).check(ProvenanceParser.parse(v.payload()).statement(), onDisk);
        } catch (ProvenanceFormatException e) {
            throw new VerificationException("the signed provenance is malformed: " + e.getMessage());
        }
    }

    /** Key policy, else identity policy; in the gate the signing key's public half as a last resort. */
    private BundleVerifier verifier(boolean gate) throws MojoFailureException {
        try {
            if (publicKey != null) {
                return new KeyVerifier(PublicKeys.read(publicKey.toPath()));
            }
            if (identity != null && !identity.isBlank()) {
                if (issuer == null || issuer.isBlank()) {
                    throw new MojoFailureException("ARD: -Dard.verify.identity needs -Dard.verify.issuer");
                }
                return trustedRoot == null
                        ? KeylessBundleVerifier.publicGood(identity, issuer, regex)
                        : new KeylessBundleVerifier(trustedRoot.toPath(), identity, issuer, regex);
            }
            if (gate) {
                Optional<SigningKey> key = KeySource.load(signKey, signServer, System.getenv(),
                        id -> ServerCredentials.of(session.getSettings(), decrypter, id));
                if (key.isPresent()) {
                    return new KeyVerifier(key.get().publicKey());
                }
            }
        } catch (IOException | VerificationException | RuntimeException e) {
            throw new MojoFailureException("ARD: cannot set up verification: " + e.getMessage());
        }
        throw new MojoFailureException("ARD: no verification policy: give -Dard.verify.key=PEM, or -Dard.verify.identity and -Dard.verify.issuer"
                + " (with -Dard.trustedRoot=FILE to stay offline)");
    }

    private static byte[] read(Path bundleFile) throws MojoFailureException {
        try {
            long size = Files.size(bundleFile);
            if (size > dev.ard.core.attest.json.BundleJson.MAX_BYTES) {
                throw new MojoFailureException("ARD: " + bundleFile.getFileName() + " is " + size + " bytes, more than a bundle may have");
            }
            return Files.readAllBytes(bundleFile);
        } catch (IOException e) {
            throw new MojoFailureException("ARD: cannot read the bundle " + bundleFile + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
