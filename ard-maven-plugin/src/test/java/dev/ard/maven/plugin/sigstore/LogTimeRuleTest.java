package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The integrated-time rule on a real public-good bundle (sigstore-conformance happy-path-v0.3), time-shifted. */
class LogTimeRuleTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path suite = SigstoreConformanceTest.suite();
    private final Path happy = suite.resolve("happy-path-v0.3");

    @Test
    void theRealBundlePasses() throws Exception {
        assertThatCode(() -> LogTimeRule.check(bundle(), Instant.now())).doesNotThrowAnyException();
    }

    @Test
    void anEntryAtTheCertificateBoundsPasses() throws Exception {
        X509Certificate leaf = leaf();
        assertThatCode(() -> LogTimeRule.check(withTime(leaf.getNotBefore().toInstant()), Instant.now()))
                .doesNotThrowAnyException();
        assertThatCode(() -> LogTimeRule.check(withTime(leaf.getNotAfter().toInstant()), Instant.now()))
                .doesNotThrowAnyException();
    }

    @Test
    void anEntryBeforeTheCertificateIsRefused() throws Exception {
        Instant before = leaf().getNotBefore().toInstant().minusSeconds(1);
        assertThatThrownBy(() -> LogTimeRule.check(withTime(before), Instant.now()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("outside the signing certificate's validity");
    }

    @Test
    void anEntryAfterTheCertificateIsRefused() throws Exception {
        Instant after = leaf().getNotAfter().toInstant().plusSeconds(1);
        assertThatThrownBy(() -> LogTimeRule.check(withTime(after), Instant.now()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("outside the signing certificate's validity");
    }

    @Test
    void anEntryInTheFutureIsRefused() throws Exception {
        // "now" inside the certificate's validity, the entry 2 minutes later (within validity, past the skew)
        Instant now = leaf().getNotBefore().toInstant().plusSeconds(60);
        assertThatThrownBy(() -> LogTimeRule.check(withTime(now.plusSeconds(120)), now))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("in the future");
        assertThatCode(() -> LogTimeRule.check(withTime(now.plusSeconds(30)), now))
                .as("within the clock-skew allowance")
                .doesNotThrowAnyException();
    }

    @Test
    void theKeylessVerifierAppliesItWithItsOwnMessage() throws Exception {
        KeylessBundleVerifier verifier = new KeylessBundleVerifier(
                suite.resolve("production_trusted_root.json"),
                SigstoreConformanceTest.DEFAULT_IDENTITY,
                SigstoreConformanceTest.DEFAULT_ISSUER,
                false);
        ArtifactDigest artifact = ArtifactDigest.of(suite.resolve("a.txt"));
        assertThatCode(() -> verifier.verify(bundle(), artifact)).doesNotThrowAnyException();
        Instant before = leaf().getNotBefore().toInstant().minusSeconds(3600);
        assertThatThrownBy(() -> verifier.verify(withTime(before), artifact))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("outside the signing certificate's validity");
    }

    private byte[] bundle() throws Exception {
        return Files.readAllBytes(happy.resolve("bundle.sigstore.json"));
    }

    private byte[] withTime(Instant time) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(bundle());
        ObjectNode entry = (ObjectNode)
                root.path("verificationMaterial").path("tlogEntries").path(0);
        entry.put("integratedTime", Long.toString(time.getEpochSecond()));
        return MAPPER.writeValueAsBytes(root);
    }

    private X509Certificate leaf() throws Exception {
        String raw = MAPPER.readTree(bundle())
                .path("verificationMaterial")
                .path("certificate")
                .path("rawBytes")
                .asText();
        assertThat(raw).isNotEmpty();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(raw)));
    }
}
