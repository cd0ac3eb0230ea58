package dev.ard.maven.plugin.sigstore;

import dev.ard.core.attest.model.Statement;
import dev.sigstore.AlgorithmRegistry;
import dev.sigstore.KeylessSigner;
import dev.sigstore.SigningConfigProvider;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.oidc.client.GithubActionsOidcClient;
import dev.sigstore.oidc.client.OidcClients;
import dev.sigstore.oidc.client.TokenStringOidcClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keyless signing through sigstore-java: an OIDC token → a short-lived Fulcio certificate → a Rekor
 * entry, written as a v0.3 bundle. The token comes from env {@code SIGSTORE_ID_TOKEN} or, in GitHub
 * Actions with {@code id-token: write}, from the Actions ID-token endpoint; ARD never opens a browser.
 *
 * <p>Why not drive sigstore-maven-plugin's {@code sign} for the blobs: it takes the token only from its
 * own OIDC flows and a fixed public-good or staging instance, so it could not be pointed at a pinned
 * {@code trusted_root.json} + {@code signing_config.json} (an air-gapped Sigstore or a test stand-in),
 * and it signs every attached artifact itself, so ARD could not sign the provenance statement as DSSE in
 * the same pass. One sigstore-java signer signs both, with one certificate.
 *
 * <p>DSSE: sigstore-java's {@code attest()} logs a DSSE entry, which it supports only with Rekor v2 and
 * a timestamp authority in the signing config. When the instance has no Rekor v2 (the public-good
 * default in 2.0.0), {@link #attest} fails and {@code ard:sign} falls back to a blob bundle of the
 * statement file ({@code <name>.provenance.json.sigstore.json}), saying so in one INFO line.
 */
public final class KeylessSigning implements AutoCloseable {
    public static final String TOKEN_ENV = "SIGSTORE_ID_TOKEN";

    private final KeylessSigner signer;

    private KeylessSigning(KeylessSigner signer) {
        this.signer = signer;
    }

    /**
     * @param env          the environment (token sources)
     * @param trustedRoot  a pinned {@code trusted_root.json}, or {@code null} for the public-good instance via TUF
     * @param signingConfig a pinned {@code signing_config.json} (Fulcio, Rekor, TSA URLs); required with {@code trustedRoot}
     * @param staging      use Sigstore's staging instance instead of public good (ignored with a pinned root)
     */
    public static KeylessSigning open(Map<String, String> env, Path trustedRoot, Path signingConfig, boolean staging)
            throws IOException {
        String token = env.get(TOKEN_ENV);
        OidcClients clients = token != null && !token.isBlank()
                ? OidcClients.of(TokenStringOidcClient.from(token.strip()))
                : OidcClients.of(GithubActionsOidcClient.builder().build());
        if ((token == null || token.isBlank()) && env.get("ACTIONS_ID_TOKEN_REQUEST_URL") == null) {
            throw new IOException("keyless signing needs an OIDC token: set " + TOKEN_ENV
                    + " or run in GitHub Actions with 'permissions: id-token: write'");
        }
        try {
            KeylessSigner.Builder builder = KeylessSigner.builder();
            if (trustedRoot != null) {
                if (signingConfig == null) {
                    throw new IOException(
                            "a pinned trusted root needs a signing config (ard.sign.signingConfig) naming Fulcio and Rekor");
                }
                // The public-good/staging presets set the algorithm; a pinned configuration must name it.
                builder.trustedRootProvider(TrustedRootProvider.from(trustedRoot))
                        .signingConfigProvider(SigningConfigProvider.from(signingConfig))
                        .signingAlgorithm(AlgorithmRegistry.SigningAlgorithm.PKIX_ECDSA_P256_SHA_256);
            } else if (staging) {
                builder.sigstoreStagingDefaults();
            } else {
                builder.sigstorePublicDefaults();
            }
            return new KeylessSigning(builder.forceCredentialProviders(clients).build());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // sigstore-java's messages name URLs and files, never the token.
            throw new IOException("cannot set up keyless signing: " + KeylessBundleVerifier.oneLine(e));
        }
    }

    /** A message-signature bundle of the file, as JSON. */
    public byte[] signFile(Path file) throws IOException {
        try {
            Bundle bundle = signer.signFile(file);
            return (bundle.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IOException(
                    "keyless signing of " + file.getFileName() + " failed: " + KeylessBundleVerifier.oneLine(e));
        }
    }

    /** A DSSE bundle of an in-toto statement ({@value Statement#PAYLOAD_TYPE}), as JSON; fails without Rekor v2 + TSA. */
    public byte[] attest(byte[] statement) throws IOException {
        try {
            Bundle bundle = signer.attest(new String(statement, StandardCharsets.UTF_8));
            return (bundle.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IOException("keyless DSSE attestation failed: " + KeylessBundleVerifier.oneLine(e));
        }
    }

    @Override
    public void close() {
        signer.close();
    }
}
