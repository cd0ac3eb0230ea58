package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.ArtifactDigest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * DSSE bundles logged as Rekor {@code intoto} 0.0.2 entries, which sigstore-java 2.0.0 cannot read and ARD verifies
 * itself ({@link IntotoEntryVerifier}): each conformance case that must fail is refused for its own reason, not for
 * the entry kind, and the body check ({@link LogEntryBody}) accepts a real intoto body and refuses each change.
 */
class IntotoEntryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path suite = SigstoreConformanceTest.suite();

    private String decide(String name) throws Exception {
        Path c = suite.resolve(name);
        return SigstoreConformanceTest.decide(suite, c, ArtifactDigest.of(c.resolve("artifact")));
    }

    @Test
    void eachFailingCaseIsRefusedForItsOwnReason() throws Exception {
        assertThat(decide("intoto-log-entry-mismatch_fail"))
                .isEqualTo(
                        "rejected: the transparency log entry does not match the bundle: it records another signature");
        assertThat(decide("intoto-set-outside-signing-cert-validity_fail"))
                .contains("outside the signing certificate's validity");
        assertThat(decide("intoto-expired-certificate_fail")).contains("outside the signing certificate's validity");
        assertThat(decide("intoto-tsa-timestamp-outside-cert-validity_fail"))
                .startsWith("rejected: RFC 3161 timestamp verification failed");
    }

    @Test
    void aRealIntotoBodyMatchesItsBundleAndEachChangeIsRefused() throws Exception {
        // this case fails only on its timestamp: its entry body is the genuine record of its envelope
        JsonNode bundle =
                MAPPER.readTree(suite.resolve("intoto-tsa-timestamp-outside-cert-validity_fail/bundle.sigstore.json")
                        .toFile());
        byte[] body = Base64.getDecoder()
                .decode(bundle.path("verificationMaterial")
                        .path("tlogEntries")
                        .get(0)
                        .path("canonicalizedBody")
                        .asText());
        byte[] certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder()
                        .decode(bundle.path("verificationMaterial")
                                .path("x509CertificateChain")
                                .path("certificates")
                                .get(0)
                                .path("rawBytes")
                                .asText())))
                .getEncoded();
        JsonNode envelope = bundle.path("dsseEnvelope");
        byte[] payload = Base64.getDecoder().decode(envelope.path("payload").asText());
        byte[] signature = Base64.getDecoder()
                .decode(envelope.path("signatures").get(0).path("sig").asText());
        String type = envelope.path("payloadType").asText();

        assertThatCode(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, certificate, true, null, payload, type)))
                .doesNotThrowAnyException();

        byte[] otherPayload = payload.clone();
        otherPayload[otherPayload.length - 2] ^= 1;
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, certificate, true, null, otherPayload, type)))
                .hasMessageContaining("it records DSSE payload digest");
        byte[] otherSignature = signature.clone();
        otherSignature[10] ^= 1;
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(otherSignature, certificate, true, null, payload, type)))
                .hasMessageEndingWith("it records another signature");
        byte[] otherCertificate = certificate.clone();
        otherCertificate[otherCertificate.length - 1] ^= 1;
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, otherCertificate, true, null, payload, type)))
                .hasMessageEndingWith("it records another signer (certificate)");
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, certificate, false, null, payload, type)))
                .hasMessageContaining("its signer is not a public key like the bundle's");
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, certificate, true, null, payload, "text/plain")))
                .hasMessageEndingWith("its payloadType differs from the envelope's");
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(signature, certificate, true, new byte[32], null, null)))
                .hasMessageContaining("it records a DSSE envelope (intoto) but the bundle is a message signature");
    }

    @Test
    void anUnknownEntryKindIsRefused() {
        byte[] body = "{\"kind\":\"rekord\",\"apiVersion\":\"0.0.1\",\"spec\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogEntryBody.check(
                        body, new LogEntryBody.Signed(new byte[8], new byte[8], false, new byte[32], null, null)))
                .hasMessage(
                        "the transparency log entry is of kind 'rekord 0.0.1', which ARD does not check for this bundle");
    }
}
