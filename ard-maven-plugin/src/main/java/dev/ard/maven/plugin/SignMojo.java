package dev.ard.maven.plugin;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.attest.verify.FileProblem;
import dev.ard.core.io.UntrustedText;
import dev.ard.maven.plugin.sign.KeySource;
import dev.ard.maven.plugin.sign.SignTarget;
import dev.ard.maven.plugin.sign.SignTargets;
import dev.ard.maven.plugin.sigstore.KeylessSigning;
import dev.ard.maven.support.ServerCredentials;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Signs every file the module deploys (its POM, main artifact and attachments) into a Sigstore bundle
 * <code>&lt;file&gt;.sigstore.json</code>, attached with the same classifier and extension
 * <code>&lt;ext&gt;.sigstore.json</code> so {@code deploy} uploads it beside the file; and the module's
 * provenance (written by {@code ard:provenance}, which must run first) as a DSSE bundle attached as
 * <code>&lt;artifactId&gt;-&lt;version&gt;.provenance.sigstore.json</code>.
 *
 * <p>Modes ({@code ard.sign.mode}): {@code key} — an ECDSA P-256 PEM key, fully offline;
 * {@code keyless} — Sigstore (Fulcio + Rekor) with an OIDC token from {@code SIGSTORE_ID_TOKEN} or
 * GitHub Actions; {@code off}; {@code auto} (default) — {@code key} when a key is configured,
 * {@code keyless} when a token is available, else {@code off} with one INFO line.
 * A mode that is asked for and cannot sign fails the build: an unsigned deploy is never silent.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SignMojo extends AbstractMojo {

    /** {@code key}, {@code keyless}, {@code off} or {@code auto}. */
    @Parameter(property = "ard.sign.mode", defaultValue = "auto")
    private String mode;

    /** Path of the ECDSA P-256 private key (PEM: PKCS#8, encrypted PKCS#8 or SEC1); default: env {@code ARD_SIGN_KEY} (PEM text or path). */
    @Parameter(property = "ard.sign.key")
    private String key;

    /** Id of a settings.xml <code>&lt;server&gt;</code> whose (Maven-encrypted) password unlocks the key; env {@code ARD_SIGN_KEY_PASSWORD} wins. */
    @Parameter(property = "ard.sign.server")
    private String server;

    /** Keyless: a pinned {@code trusted_root.json} (a private Sigstore instance); default: the public-good instance via TUF. */
    @Parameter(property = "ard.sign.trustedRoot")
    private File trustedRoot;

    /** Keyless: the {@code signing_config.json} naming Fulcio, Rekor and TSA; required with {@code ard.sign.trustedRoot}. */
    @Parameter(property = "ard.sign.signingConfig")
    private File signingConfig;

    /** Keyless: use Sigstore's staging instance (testing only). */
    @Parameter(property = "ard.sign.staging", defaultValue = "false")
    private boolean staging;

    /** The statement written by {@code ard:provenance}; signed as DSSE when it exists. */
    @Parameter(
            property = "ard.sign.provenance",
            defaultValue = "${project.build.directory}/ard/${project.artifactId}-${project.version}.provenance.json")
    private File provenance;

    /** Where the bundles are written before they are attached. */
    @Parameter(property = "ard.sign.outputDirectory", defaultValue = "${project.build.directory}/ard/sigstore")
    private File outputDirectory;

    /** Skips signing this module. */
    @Parameter(property = "ard.sign.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final MavenProjectHelper helper;

    @Inject
    public SignMojo(MavenSession session, SettingsDecrypter decrypter, MavenProjectHelper helper) {
        this.session = session;
        this.decrypter = decrypter;
        this.helper = helper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String m = mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        if (skip || m.equals("off")) {
            getLog().info("ARD: signing off" + (skip ? " (ard.sign.skip)" : " (ard.sign.mode=off)"));
            return;
        }
        Map<String, String> env = System.getenv();
        Optional<SigningKey> signingKey = loadKey();
        if (m.equals("auto")) {
            m = signingKey.isPresent()
                    ? "key"
                    : env.containsKey(KeylessSigning.TOKEN_ENV) || env.containsKey("ACTIONS_ID_TOKEN_REQUEST_URL")
                            ? "keyless"
                            : "off";
            if (m.equals("off")) {
                getLog().info(
                                "ARD: nothing signed: no key (ard.sign.key / ARD_SIGN_KEY) and no OIDC token (SIGSTORE_ID_TOKEN / GitHub Actions)");
                return;
            }
        }
        List<FileProblem> problems = new ArrayList<>();
        List<SignTarget> targets = SignTargets.of(project, problems);
        if (!problems.isEmpty()) {
            throw new MojoFailureException("ARD: cannot sign " + problems.get(0));
        }
        long start = System.nanoTime();
        int count;
        switch (m) {
            case "key" ->
                count = signWithKey(
                        signingKey.orElseThrow(() -> new MojoFailureException(
                                "ARD: ard.sign.mode=key but no key: set -Dard.sign.key=<PEM file> or env "
                                        + KeySource.KEY_ENV)),
                        targets);
            case "keyless" -> count = signKeyless(env, targets);
            default ->
                throw new MojoFailureException("ARD: unknown ard.sign.mode '" + mode + "' (key, keyless, off or auto)");
        }
        getLog().info(String.format(
                Locale.ROOT,
                "ARD: signed %d file(s) of %s (%s mode) in %.0f ms",
                count,
                project.getArtifactId(),
                m,
                (System.nanoTime() - start) / 1e6));
    }

    private Optional<SigningKey> loadKey() throws MojoFailureException {
        try {
            return KeySource.load(
                    key, server, System.getenv(), id -> ServerCredentials.of(session.getSettings(), decrypter, id));
        } catch (IOException | RuntimeException e) {
            // Messages of KeySource/SigningKey never contain the key or the password.
            throw new MojoFailureException("ARD: " + e.getMessage());
        }
    }

    private int signWithKey(SigningKey signingKey, List<SignTarget> targets) throws MojoExecutionException {
        KeySigner signer = new KeySigner(signingKey);
        try {
            for (SignTarget t : targets) {
                attach(t, BundleJson.write(signer.signArtifact(t.file())));
            }
            if (provenance != null && provenance.isFile()) {
                byte[] statement = Files.readAllBytes(provenance.toPath());
                attachProvenance(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, statement)));
                return targets.size() + 1;
            }
        } catch (IOException e) {
            throw new MojoExecutionException("ARD: signing failed: " + e.getMessage(), e);
        }
        getLog().debug("ARD: no provenance at " + provenance + " (run ard:provenance before ard:sign to sign it)");
        return targets.size();
    }

    private int signKeyless(Map<String, String> env, List<SignTarget> targets)
            throws MojoExecutionException, MojoFailureException {
        try (KeylessSigning signing = KeylessSigning.open(env, path(trustedRoot), path(signingConfig), staging)) {
            for (SignTarget t : targets) {
                attach(t, signing.signFile(t.file()));
            }
            if (provenance == null || !provenance.isFile()) {
                return targets.size();
            }
            byte[] statement = Files.readAllBytes(provenance.toPath());
            try {
                attachProvenance(signing.attest(statement));
            } catch (IOException e) {
                getLog().info("ARD: provenance signed as a blob, not DSSE (" + UntrustedText.line(e.getMessage(), 1000)
                        + ")");
                attachProvenance(signing.signFile(provenance.toPath()));
            }
            return targets.size() + 1;
        } catch (IOException e) {
            throw new MojoFailureException("ARD: " + e.getMessage());
        }
    }

    private void attach(SignTarget target, byte[] bundle) throws IOException {
        Path file = write(target.bundleName(), bundle);
        helper.attachArtifact(project, target.bundleExtension(), target.classifier(), file.toFile());
    }

    private void attachProvenance(byte[] bundle) throws IOException {
        String name = project.getArtifactId() + "-" + project.getArtifact().getBaseVersion() + ".provenance"
                + SigstoreBundle.FILE_SUFFIX;
        helper.attachArtifact(
                project,
                "provenance" + SigstoreBundle.FILE_SUFFIX,
                null,
                write(name, bundle).toFile());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path dir = outputDirectory.toPath();
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
