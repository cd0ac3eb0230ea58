package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleFormatException;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key mode round trip and the tamper suite: every alteration is refused with its own message. */
class KeySignVerifyTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final KeySigner signer = new KeySigner(KEY);
    private final KeyVerifier verifier = new KeyVerifier(KEY.publicKey());

    @Test
    void blobBundleRoundTripsThroughJsonAndVerifies() throws Exception {
        Path jar = Files.write(dir.resolve("app-1.0.jar"), bytes(100_000));
        byte[] json = BundleJson.write(signer.signArtifact(jar));
        ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
        assertThat(tree.get("mediaType").asText()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
        assertThat(tree.at("/verificationMaterial/publicKey/hint").asText()).isEqualTo(KEY.hint());
        assertThat(tree.at("/messageSignature/messageDigest/algorithm").asText())
                .isEqualTo("SHA2_256");

        VerifiedBundle verified = verifier.verify(json, ArtifactDigest.of(jar));
        assertThat(verified.kind()).isEqualTo(VerifiedBundle.Kind.MESSAGE_SIGNATURE);
        assertThat(verified.signer()).isEqualTo(KEY.hint());
        SigstoreBundle read = BundleJson.read(json);
        assertThat(BundleJson.write(read)).isEqualTo(json);
    }

    @Test
    void theDigestFormVerifiesTheSameAsTheFile() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), bytes(10));
        byte[] json = BundleJson.write(signer.signArtifact(jar));
        verifier.verify(json, ArtifactDigest.parse("sha256:" + Digests.sha256(jar)));
    }

    @Test
    void statementBundleVerifiesAgainstASubject() throws Exception {
        byte[] json = BundleJson.write(signer.signStatement(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        assertThat(MAPPER.readTree(json).at("/dsseEnvelope/payloadType").asText())
                .isEqualTo("application/vnd.in-toto+json");
        VerifiedBundle v = verifier.verify(json, ArtifactDigest.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(v.kind()).isEqualTo(VerifiedBundle.Kind.DSSE);
        assertThat(v.subjects()).containsExactly("app-1.0.jar");
        assertThat(ProvenanceParser.parse(json).valid()).isTrue();
    }

    @Test
    void aSignedPayloadThatIsItselfAnEnvelopeIsRefused() throws Exception {
        // The inner statement names the artifact; a lenient reader would find the subject, a policy another statement.
        byte[] statement = ProvenanceJson.write(Statements.sample(Instant.EPOCH, Instant.EPOCH));
        byte[] inner = BundleJson.write(signer.signStatement(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        ArtifactDigest abc = ArtifactDigest.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> verifier.verify(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, inner)), abc))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "the signed DSSE payload is not an in-toto statement: the payload is an envelope or a bundle"
                                + " (it has 'dsseEnvelope'), not a bare in-toto statement");
        ObjectNode envelope = MAPPER.createObjectNode()
                .put("payloadType", Statement.PAYLOAD_TYPE)
                .put("payload", Base64.getEncoder().encodeToString(statement));
        envelope.putArray("signatures");
        byte[] dsse = MAPPER.writeValueAsBytes(envelope);
        assertThatThrownBy(() -> verifier.verify(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, dsse)), abc))
                .hasMessageContaining("not a bare in-toto statement");
    }

    @Test
    void aSignedStatementIsReadStrictly() throws Exception {
        ArtifactDigest abc = ArtifactDigest.of("abc".getBytes(StandardCharsets.US_ASCII));
        String statement = new String(
                ProvenanceJson.write(Statements.sample(Instant.EPOCH, Instant.EPOCH)), StandardCharsets.UTF_8);
        // A second subject key: two JSON readers could each pick another one.
        byte[] duplicate = ("{\"subject\":[{\"name\":\"x\",\"digest\":{\"sha256\":\"" + "00".repeat(32) + "\"}}],"
                        + statement.substring(1))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() ->
                        verifier.verify(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, duplicate)), abc))
                .hasMessageStartingWith(
                        "the signed DSSE payload is not an in-toto statement: statement is not valid JSON")
                .hasMessageContaining("Duplicate field 'subject'");
        ObjectNode tree = (ObjectNode) MAPPER.readTree(statement);
        tree.put("_type", "https://in-toto.io/Statement/v2");
        byte[] wrongType = MAPPER.writeValueAsBytes(tree);
        assertThatThrownBy(() ->
                        verifier.verify(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, wrongType)), abc))
                .hasMessage(
                        "the signed statement breaks in-toto rules: _type: must be https://in-toto.io/Statement/v1");
        // The verifier accepts any predicate; whether it must be SLSA provenance is the policy's to say.
        tree.put("_type", Statement.TYPE_V1).put("predicateType", "https://spdx.dev/Document");
        byte[] sbom = MAPPER.writeValueAsBytes(tree);
        VerifiedBundle v = verifier.verify(BundleJson.write(signer.signDsse(Statement.PAYLOAD_TYPE, sbom)), abc);
        assertThat(v.statement().statement().predicateType()).isEqualTo("https://spdx.dev/Document");
        assertThat(v.statement().valid()).isFalse();
    }

    @Test
    void oneByteOfTheArtifact() throws Exception {
        byte[] data = bytes(4096);
        byte[] json = BundleJson.write(signer.signDigest(ArtifactDigest.of(data)));
        data[2048] ^= 1;
        assertThatThrownBy(() -> verifier.verify(json, ArtifactDigest.of(data)))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("artifact digest mismatch");
    }

    @Test
    void oneByteOfTheSignedDigestInTheBundle() throws Exception {
        byte[] data = bytes(64);
        ObjectNode tree = tree(signer.signDigest(ArtifactDigest.of(data)));
        data[0] ^= 1; // the attacker changes the artifact and rewrites the bundle's digest to match
        ((ObjectNode) tree.at("/messageSignature/messageDigest"))
                .put(
                        "digest",
                        Base64.getEncoder()
                                .encodeToString(ArtifactDigest.of(data).bytes()));
        assertThatThrownBy(() -> verifier.verify(MAPPER.writeValueAsBytes(tree), ArtifactDigest.of(data)))
                .hasMessageStartingWith("the signature does not verify with key " + KEY.hint());
    }

    @Test
    void oneByteOfTheSignature() throws Exception {
        byte[] data = bytes(64);
        ObjectNode tree = tree(signer.signDigest(ArtifactDigest.of(data)));
        ((ObjectNode) tree.get("messageSignature"))
                .put("signature", flip(tree.at("/messageSignature/signature").asText(), 40));
        assertThatThrownBy(() -> verifier.verify(MAPPER.writeValueAsBytes(tree), ArtifactDigest.of(data)))
                .hasMessageStartingWith("the signature does not verify");
    }

    @Test
    void oneByteOfTheDssePayload() throws Exception {
        ObjectNode tree = tree(signer.signStatement(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        byte[] payload =
                Base64.getDecoder().decode(tree.at("/dsseEnvelope/payload").asText());
        payload[payload.length / 2] ^= 0x20;
        ((ObjectNode) tree.get("dsseEnvelope"))
                .put("payload", Base64.getEncoder().encodeToString(payload));
        assertThatThrownBy(() -> verifier.verify(
                        MAPPER.writeValueAsBytes(tree), ArtifactDigest.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageStartingWith("the DSSE signature does not verify");
    }

    @Test
    void theDssePayloadTypeIsCoveredByTheSignature() throws Exception {
        ObjectNode tree = tree(signer.signStatement(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        ((ObjectNode) tree.get("dsseEnvelope")).put("payloadType", "application/json");
        assertThatThrownBy(() -> verifier.verify(
                        MAPPER.writeValueAsBytes(tree), ArtifactDigest.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageStartingWith("the DSSE signature does not verify");
    }

    @Test
    void wrongKey() throws Exception {
        byte[] data = bytes(64);
        byte[] json = BundleJson.write(signer.signDigest(ArtifactDigest.of(data)));
        SigningKey other = SigningKey.generate();
        assertThatThrownBy(() -> new KeyVerifier(other.publicKey()).verify(json, ArtifactDigest.of(data)))
                .hasMessage(
                        "wrong key: the bundle was signed by key " + KEY.hint() + ", the given key is " + other.hint());
    }

    @Test
    void subjectDigestMismatch() throws Exception {
        byte[] json = BundleJson.write(signer.signStatement(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        assertThatThrownBy(() -> verifier.verify(json, ArtifactDigest.of("abd".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageStartingWith("subject digest mismatch: no subject of the signed statement has sha256:")
                .hasMessageContaining("app-1.0.jar");
    }

    @Test
    void bundleOfAnotherArtifact() throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), bytes(100));
        Path b = Files.write(dir.resolve("b.jar"), bytes(101));
        byte[] bundleOfA = BundleJson.write(signer.signArtifact(a));
        assertThatThrownBy(() -> verifier.verify(bundleOfA, ArtifactDigest.of(b)))
                .hasMessageStartingWith("artifact digest mismatch")
                .hasMessageContaining("belongs to another file");
    }

    @Test
    void malformedJson() {
        assertThatThrownBy(() -> verifier.verify(
                        "{\"mediaType\": ".getBytes(StandardCharsets.UTF_8), ArtifactDigest.of(new byte[0])))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith("the bundle is not valid JSON at line 1");
        assertThatThrownBy(() -> verifier.verify(
                        "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), ArtifactDigest.of(new byte[0])))
                .hasMessageStartingWith("the bundle has a duplicate key 'a' at line 1");
        assertThatThrownBy(() -> verifier.verify(
                        "[".repeat(100).getBytes(StandardCharsets.UTF_8), ArtifactDigest.of(new byte[0])))
                .hasMessageContaining("parser limit");
    }

    @Test
    void hugeJson() {
        byte[] huge = new byte[BundleJson.MAX_BYTES + 1];
        assertThatThrownBy(() -> verifier.verify(huge, ArtifactDigest.of(new byte[0])))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("more than the " + BundleJson.MAX_BYTES);
    }

    @Test
    void unknownMediaType() throws Exception {
        byte[] data = bytes(8);
        ObjectNode tree = tree(signer.signDigest(ArtifactDigest.of(data)));
        tree.put("mediaType", "application/vnd.dev.sigstore.bundle.v9+json");
        assertThatThrownBy(() -> verifier.verify(MAPPER.writeValueAsBytes(tree), ArtifactDigest.of(data)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageStartingWith("unknown bundle media type 'application/vnd.dev.sigstore.bundle.v9+json'");
    }

    @Test
    void certificateBundleNeedsAnIdentityNotAKey() throws Exception {
        byte[] data = bytes(8);
        ObjectNode tree = tree(signer.signDigest(ArtifactDigest.of(data)));
        ObjectNode material = (ObjectNode) tree.get("verificationMaterial");
        material.remove("publicKey");
        material.putObject("certificate").put("rawBytes", "AAAA");
        assertThatThrownBy(() -> verifier.verify(MAPPER.writeValueAsBytes(tree), ArtifactDigest.of(data)))
                .hasMessageContaining("keyless");
    }

    @Test
    void signingIsDeterministicInShapeAndBundlesAreImmutable() throws Exception {
        SigstoreBundle bundle = signer.signDigest(ArtifactDigest.of(bytes(8)));
        byte[] digest = bundle.messageSignature().digest();
        digest[0] ^= 1;
        assertThat(bundle.messageSignature().digest()).isNotEqualTo(digest);
        assertThat(bundle.toString()).contains(KEY.hint());
    }

    private static ObjectNode tree(SigstoreBundle bundle) throws Exception {
        return (ObjectNode) MAPPER.readTree(BundleJson.write(bundle));
    }

    private static String flip(String base64, int index) {
        byte[] b = Base64.getDecoder().decode(base64);
        b[Math.min(index, b.length - 1)] ^= 1;
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
