package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyless signing up to the boundary that can be tested without the internet: where the token comes
 * from, what a missing token or config says, and that a failing Fulcio/Rekor never puts the token into
 * a message. Signing against a working Fulcio + Rekor is not tested here (see KeylessSigning: sigstore-java
 * 2.0.0 reaches Fulcio only over gRPC and checks the certificate's SCT, Rekor's SET, inclusion proof and
 * checkpoint while signing, so a stand-in would need a gRPC CA with a CT log and a Merkle-tree Rekor).
 */
class KeylessSigningTest {
    @TempDir
    Path dir;

    @Test
    void withoutATokenOutsideGithubActionsItSaysWhatIsMissing() {
        assertThatThrownBy(() -> KeylessSigning.open(Map.of(), null, null, false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SIGSTORE_ID_TOKEN")
                .hasMessageContaining("id-token: write");
    }

    @Test
    void aPinnedTrustedRootNeedsASigningConfig() throws Exception {
        Path root = Files.writeString(dir.resolve("trusted_root.json"), "{}");
        assertThatThrownBy(() -> KeylessSigning.open(Map.of(KeylessSigning.TOKEN_ENV, token()), root, null, false))
                .hasMessageContaining("signing config");
    }

    @Test
    void anUnreachableFulcioFailsWithoutLeakingTheToken() throws Exception {
        Path shared = SigstoreConformanceTest.suite().resolve("production_trusted_root.json");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "http://127.0.0.1:" + port;
        Path config = Files.writeString(dir.resolve("signing_config.json"), String.format(Locale.ROOT, """
                {"mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json",
                 "caUrls": [{"url": "%1$s", "majorApiVersion": 1, "validFor": {"start": "2020-01-01T00:00:00Z"}, "operator": "it"}],
                 "oidcUrls": [],
                 "rekorTlogUrls": [{"url": "%1$s", "majorApiVersion": 1, "validFor": {"start": "2020-01-01T00:00:00Z"}, "operator": "it"}],
                 "tsaUrls": [],
                 "rekorTlogConfig": {"selector": "ANY"},
                 "tsaConfig": {"selector": "ANY"}}
                """, url));
        String token = token();
        Path artifact = Files.writeString(dir.resolve("a.txt"), "a\n");
        IOException failure = null;
        try (KeylessSigning signing =
                KeylessSigning.open(Map.of(KeylessSigning.TOKEN_ENV, token), shared, config, false)) {
            signing.signFile(artifact);
        } catch (IOException e) {
            failure = e;
        }
        assertThat(failure).as("signing against a closed port must fail").isNotNull();
        // Setup passed and the token was read: the failure is the gRPC call to Fulcio.
        assertThat(failure.getMessage()).startsWith("keyless signing of a.txt failed: UNAVAILABLE");
        assertThat(failure.getMessage())
                .doesNotContain(token)
                .doesNotContain(token.substring(token.indexOf('.') + 1, token.lastIndexOf('.')));
    }

    /** An unsigned JWT with the claims sigstore-java reads; never valid for a real Fulcio. */
    private static String token() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(
                ("{\"iss\":\"https://token.actions.githubusercontent.com\",\"sub\":\"repo:o/r:ref:refs/heads/main\","
                                + "\"email\":\"ci@example.com\",\"aud\":\"sigstore\",\"exp\":4102444800,\"iat\":1700000000}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2VjcmV0LXNpZ25hdHVyZS14eXo";
    }
}
