package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.verify.VerifiedBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The keyless half of the tamper suite on a real public-good bundle (conformance case
 * {@code happy-path-v0.3}, production trusted root): each change is refused with its own reason.
 */
class KeylessTamperTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path suite = SigstoreConformanceTest.suite();
    private final Path root = suite.resolve("production_trusted_root.json");
    private final Path happy = suite.resolve("happy-path-v0.3/bundle.sigstore.json");

    private KeylessBundleVerifier verifier(String identity, String issuer, boolean regex) throws VerificationException {
        return new KeylessBundleVerifier(root, identity, issuer, regex);
    }

    private ArtifactDigest artifact() throws Exception {
        return ArtifactDigest.of(suite.resolve("a.txt"));
    }

    @Test
    void theUntouchedBundleVerifiesExactlyAndByRegex() throws Exception {
        VerifiedBundle v = verifier(
                        SigstoreConformanceTest.DEFAULT_IDENTITY, SigstoreConformanceTest.DEFAULT_ISSUER, false)
                .verify(Files.readAllBytes(happy), artifact());
        assertThat(v.signer()).isEqualTo(SigstoreConformanceTest.DEFAULT_IDENTITY);
        verifier(
                        "https://github\\.com/sigstore-conformance/.*",
                        "https://token\\.actions\\.githubusercontent\\.com",
                        true)
                .verify(Files.readAllBytes(happy), artifact());
    }

    @Test
    void wrongIdentity() {
        assertThatThrownBy(() -> verifier(
                                "https://github.com/evil/repo/.github/workflows/x.yml@refs/heads/main",
                                SigstoreConformanceTest.DEFAULT_ISSUER,
                                false)
                        .verify(Files.readAllBytes(happy), artifact()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("evil/repo");
    }

    @Test
    void wrongIssuer() {
        assertThatThrownBy(
                        () -> verifier(SigstoreConformanceTest.DEFAULT_IDENTITY, "https://accounts.google.com", false)
                                .verify(Files.readAllBytes(happy), artifact()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("accounts.google.com");
    }

    @Test
    void oneByteOfTheArtifact() throws Exception {
        byte[] data = Files.readAllBytes(suite.resolve("a.txt"));
        data[0] ^= 1;
        assertThatThrownBy(() -> verifier(
                                SigstoreConformanceTest.DEFAULT_IDENTITY, SigstoreConformanceTest.DEFAULT_ISSUER, false)
                        .verify(Files.readAllBytes(happy), ArtifactDigest.of(data)))
                .hasMessageContaining("artifact digest does not match");
    }

    @Test
    void oneByteOfTheSignature() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(happy.toFile());
        byte[] sig = Base64.getDecoder()
                .decode(tree.at("/messageSignature/signature").asText());
        sig[sig.length - 3] ^= 1;
        ((ObjectNode) tree.get("messageSignature"))
                .put("signature", Base64.getEncoder().encodeToString(sig));
        assertThatThrownBy(() -> verifier(
                                SigstoreConformanceTest.DEFAULT_IDENTITY, SigstoreConformanceTest.DEFAULT_ISSUER, false)
                        .verify(MAPPER.writeValueAsBytes(tree), artifact()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aKeyBundleIsNotAcceptedUnderAnIdentityPolicy() throws Exception {
        byte[] keyBundle = Files.readAllBytes(suite.resolve("managed-key-happy-path/bundle.sigstore.json"));
        assertThatThrownBy(() -> verifier(
                                SigstoreConformanceTest.DEFAULT_IDENTITY, SigstoreConformanceTest.DEFAULT_ISSUER, false)
                        .verify(keyBundle, artifact()))
                .hasMessageContaining("signed with a key");
    }

    @Test
    void expiredCertificate() throws Exception {
        Path c = suite.resolve("intoto-expired-certificate_fail");
        assertThatThrownBy(() -> new KeylessBundleVerifier(
                                c.resolve("trusted_root.json"),
                                SigstoreConformanceTest.DEFAULT_IDENTITY,
                                SigstoreConformanceTest.DEFAULT_ISSUER,
                                false)
                        .verify(
                                Files.readAllBytes(c.resolve("bundle.sigstore.json")),
                                ArtifactDigest.of(c.resolve("artifact"))))
                .isInstanceOf(VerificationException.class)
                // ARD's integrated-time rule decides it before sigstore-java's chain check ("validity check failed")
                .hasMessageContaining("outside the signing certificate's validity");
    }
}
