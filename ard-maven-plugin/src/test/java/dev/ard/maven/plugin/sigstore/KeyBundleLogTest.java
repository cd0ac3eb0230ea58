package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.attest.verify.BundleVerifier;
import dev.ard.core.attest.verify.VerificationPolicy;
import dev.ard.core.attest.verify.VerifiedBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A key bundle's transparency-log entry, checked when a trusted root is given: a real cosign managed-key bundle
 * logged in the public-good Rekor (conformance case {@code managed-key-happy-path}) verifies with its entry checked,
 * and each change to the entry, or a bundle without one, is refused with its own reason.
 */
class KeyBundleLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path suite = SigstoreConformanceTest.suite();
    private final Path root = suite.resolve("production_trusted_root.json");
    private final Path managed = suite.resolve("managed-key-happy-path");

    private PublicKey key() throws Exception {
        return PublicKeys.read(managed.resolve("key.pub"));
    }

    private ArtifactDigest artifact() throws Exception {
        return ArtifactDigest.of(suite.resolve("a.txt"));
    }

    private BundleVerifier withLog(PublicKey key, Path trustedRoot) throws VerificationException {
        return new VerificationPolicy.Key(key, Optional.of(trustedRoot)).verifier(new SigstoreVerifiers());
    }

    private ObjectNode bundle() throws Exception {
        return (ObjectNode)
                MAPPER.readTree(managed.resolve("bundle.sigstore.json").toFile());
    }

    private ObjectNode entry(ObjectNode bundle) {
        return (ObjectNode)
                bundle.path("verificationMaterial").path("tlogEntries").get(0);
    }

    /** The real bundle with its entry's logged body changed by {@code edit} (given the body's {@code spec}). */
    private ObjectNode withBody(java.util.function.Consumer<JsonNode> edit) throws Exception {
        ObjectNode bundle = bundle();
        ObjectNode entry = entry(bundle);
        JsonNode body = MAPPER.readTree(
                Base64.getDecoder().decode(entry.path("canonicalizedBody").asText()));
        edit.accept(body.path("spec"));
        entry.put("canonicalizedBody", Base64.getEncoder().encodeToString(MAPPER.writeValueAsBytes(body)));
        return bundle;
    }

    private String refusal(ObjectNode bundle) throws Exception {
        byte[] json = MAPPER.writeValueAsBytes(bundle);
        BundleVerifier verifier = withLog(key(), root);
        ArtifactDigest artifact = artifact();
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> verifier.verify(json, artifact), VerificationException.class)
                .getMessage();
    }

    @Test
    void theRealBundleVerifiesWithItsLogEntryChecked() throws Exception {
        byte[] json = MAPPER.writeValueAsBytes(bundle());
        VerifiedBundle checked = withLog(key(), root).verify(json, artifact());
        assertThat(checked.logEntry()).isEqualTo(VerifiedBundle.LogEntry.CHECKED);
        VerifiedBundle keyOnly = new VerificationPolicy.Key(key())
                .verifier(new SigstoreVerifiers())
                .verify(json, artifact());
        assertThat(keyOnly.logEntry()).isEqualTo(VerifiedBundle.LogEntry.NOT_CHECKED);
    }

    @Test
    void aChangedIntegratedTimeBreaksTheSignedEntryTimestamp() throws Exception {
        ObjectNode bundle = bundle();
        ObjectNode entry = entry(bundle);
        entry.put(
                "integratedTime",
                String.valueOf(Long.parseLong(entry.path("integratedTime").asText()) + 1));
        assertThat(refusal(bundle))
                .startsWith("the transparency log entry does not verify")
                .contains("SET");
    }

    @Test
    void anEntryInTheFutureIsRefused() throws Exception {
        ObjectNode bundle = bundle();
        entry(bundle).put("integratedTime", String.valueOf(4_102_444_800L)); // 2100-01-01
        assertThat(refusal(bundle)).contains("which is in the future");
    }

    @Test
    void aBodyLoggedForAnotherSignatureIsRefused() throws Exception {
        ObjectNode bundle = withBody(spec -> ((ObjectNode) spec.path("signature"))
                .put("content", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
        assertThat(refusal(bundle))
                .isEqualTo("the transparency log entry does not match the bundle: it records another signature");
    }

    @Test
    void aBodyForAnotherArtifactIsRefused() throws Exception {
        ObjectNode bundle =
                withBody(spec -> ((ObjectNode) spec.path("data").path("hash")).put("value", "00".repeat(32)));
        assertThat(refusal(bundle)).contains("it records artifact digest sha256:" + "00".repeat(32));
    }

    @Test
    void anotherBundlesValidEntryIsRefused() throws Exception {
        // a real, validly logged entry, but for the keyless happy-path bundle: its body names a certificate
        ObjectNode other = (ObjectNode) MAPPER.readTree(
                suite.resolve("happy-path-v0.3/bundle.sigstore.json").toFile());
        ObjectNode bundle = bundle();
        ((ObjectNode) bundle.path("verificationMaterial"))
                .set("tlogEntries", other.path("verificationMaterial").path("tlogEntries"));
        assertThat(refusal(bundle)).startsWith("the transparency log entry does not match the bundle");
    }

    @Test
    void aMissingInclusionProofIsRefused() throws Exception {
        ObjectNode bundle = bundle();
        entry(bundle).remove("inclusionProof");
        assertThat(refusal(bundle)).isEqualTo("the transparency log entry has no inclusion proof");
    }

    @Test
    void aBundleWithoutEntryIsRefusedWhenALogCheckWasAskedFor() throws Exception {
        ObjectNode bundle = bundle();
        ((ObjectNode) bundle.path("verificationMaterial")).remove("tlogEntries");
        assertThat(refusal(bundle)).contains("carries 0 log entries");

        // ARD's own key-mode bundles carry none: with a trusted root they are refused, without one they verify
        SigningKey signing = SigningKey.generate();
        Path file = Files.writeString(Files.createTempFile("ard", ".txt"), "hello", StandardCharsets.UTF_8);
        byte[] own = BundleJson.write(new KeySigner(signing).signArtifact(file));
        assertThatThrownBy(() -> withLog(signing.publicKey(), root).verify(own, ArtifactDigest.of(file)))
                .hasMessageContaining("carries 0 log entries");
        assertThat(new VerificationPolicy.Key(signing.publicKey())
                        .verifier(new SigstoreVerifiers())
                        .verify(own, ArtifactDigest.of(file))
                        .logEntry())
                .isEqualTo(VerifiedBundle.LogEntry.NOT_CHECKED);
    }

    @Test
    void aTrustedRootWithoutThatLogIsRefused() throws Exception {
        // the production root minus the Rekor key that logged the entry
        ObjectNode trusted = (ObjectNode) MAPPER.readTree(root.toFile());
        String logId = entry(bundle()).path("logId").path("keyId").asText();
        var kept = MAPPER.createArrayNode();
        trusted.path("tlogs").forEach(log -> {
            if (!log.path("logId").path("keyId").asText().equals(logId)) {
                kept.add(log);
            }
        });
        assertThat(kept.size()).isLessThan(trusted.path("tlogs").size());
        trusted.set("tlogs", kept);
        Path otherRoot = Files.createTempFile("trusted_root", ".json");
        Files.write(otherRoot, MAPPER.writeValueAsBytes(trusted));
        byte[] json = MAPPER.writeValueAsBytes(bundle());
        assertThatThrownBy(() -> withLog(key(), otherRoot).verify(json, artifact()))
                .hasMessageContaining("does not match any provided transparency logs");
    }
}
