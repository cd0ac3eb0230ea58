package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.json.ProvenanceFormatException;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.model.Violation;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text a bundle carries reaches a message escaped, on one line and capped: a forged {@code [INFO] BUILD SUCCESS}
 * line, ANSI escapes (7-bit ESC and the one-character C1 CSI) and 100 KB of padding in every field ARD quotes.
 */
class HostileBundleTextTest {
    static final String HOSTILE = "x\n[INFO] BUILD SUCCESS\u001b[32m\r\u009b2K\u2028" + "A".repeat(100_000);

    private static final SigningKey KEY = SigningKey.generate();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ArtifactDigest ARTIFACT = ArtifactDigest.parse("sha256:" + Statements.SHA256);

    private final KeySigner signer = new KeySigner(KEY);
    private final KeyVerifier verifier = new KeyVerifier(KEY.publicKey());

    /** One line, the forged text visible as escapes, the padding cut. */
    static void assertSafe(String message) {
        assertThat(message)
                .as("%.300s", message)
                .doesNotContain("\n", "\r", "\u001b", "\u009b", "\u2028")
                .contains("\\n[INFO] BUILD SUCCESS\\u001B[32m\\r\\u009B2K\\u2028")
                .contains("chars)");
        assertThat(message.length()).as("%.300s", message).isLessThan(1000);
    }

    private ObjectNode blobBundle() throws Exception {
        return (ObjectNode) MAPPER.readTree(BundleJson.write(signer.signDigest(ARTIFACT)));
    }

    private static String messageOf(byte[] bundle) {
        return assertThrows(
                        VerificationException.class, () -> new KeyVerifier(KEY.publicKey()).verify(bundle, ARTIFACT))
                .getMessage();
    }

    @Test
    void mediaType() throws Exception {
        ObjectNode bundle = blobBundle();
        bundle.put("mediaType", HOSTILE);
        String message = messageOf(MAPPER.writeValueAsBytes(bundle));
        assertThat(message).startsWith("unknown bundle media type 'x\\n");
        assertSafe(message);
    }

    @Test
    void keyHint() throws Exception {
        ObjectNode bundle = (ObjectNode)
                MAPPER.readTree(BundleJson.write(new KeySigner(SigningKey.generate()).signDigest(ARTIFACT)));
        ((ObjectNode) bundle.at("/verificationMaterial/publicKey")).put("hint", HOSTILE);
        String message = messageOf(MAPPER.writeValueAsBytes(bundle));
        assertThat(message).startsWith("wrong key: the bundle was signed by key x\\n");
        assertSafe(message);
    }

    @Test
    void digestAlgorithm() throws Exception {
        ObjectNode bundle = blobBundle();
        ((ObjectNode) bundle.at("/messageSignature/messageDigest")).put("algorithm", HOSTILE);
        String message = messageOf(MAPPER.writeValueAsBytes(bundle));
        assertThat(message).startsWith("unsupported message digest algorithm 'x\\n");
        assertSafe(message);
    }

    @Test
    void payloadTypeOfAValidlySignedEnvelope() {
        byte[] statement = ProvenanceJson.write(Statements.sample(Instant.EPOCH, Instant.EPOCH));
        String message = messageOf(BundleJson.write(signer.signDsse(HOSTILE, statement)));
        assertThat(message).startsWith("DSSE payloadType is 'x\\n");
        assertSafe(message);
    }

    @Test
    void keyidAndTheOtherFieldsInToString() throws Exception {
        ObjectNode bundle = (ObjectNode) MAPPER.readTree(BundleJson.write(signer.signDsse(HOSTILE, new byte[] {1})));
        ((ObjectNode) bundle.at("/dsseEnvelope/signatures/0")).put("keyid", HOSTILE);
        ((ObjectNode) bundle.at("/verificationMaterial/publicKey")).put("hint", HOSTILE);
        SigstoreBundle read = BundleJson.read(MAPPER.writeValueAsBytes(bundle));
        assertThat(read.dsseEnvelope().signatures().get(0).toString()).startsWith("Signature[keyid=x\\n");
        assertSafe(read.dsseEnvelope().signatures().get(0).toString());
        assertThat(read.toString()).doesNotContain("\n", "\u001b", "\u009b").hasSizeLessThan(2000);
    }

    @Test
    void subjectNamesOfAValidlySignedStatement() {
        Statement sample = Statements.sample(Instant.EPOCH, Instant.EPOCH);
        Statement hostile = Statement.of(
                List.of(ResourceDescriptor.subject(HOSTILE, Map.of("sha256", "00".repeat(32)))), sample.predicate());
        String message = messageOf(BundleJson.write(signer.signStatement(hostile)));
        assertThat(message).startsWith("subject digest mismatch: no subject of the signed statement has");
        assertSafe(message);
    }

    @Test
    void builderIdAndSubjectNamesInTheProvenancePolicy() {
        Statement sample = Statements.sample(Instant.EPOCH, Instant.EPOCH);
        Provenance p = sample.predicate();
        Provenance.RunDetails r = p.runDetails();
        Statement hostile = Statement.of(
                List.of(ResourceDescriptor.subject(HOSTILE, Map.of("sha256", Statements.SHA256))),
                new Provenance(
                        p.buildDefinition(),
                        new Provenance.RunDetails(
                                new Provenance.Builder(HOSTILE, Map.of(), null), r.metadata(), r.byproducts())));
        String builder = assertThrows(
                        VerificationException.class,
                        () -> new ProvenancePolicy(null, "https://ard.dev/builders/local").checkOrigin(hostile))
                .getMessage();
        assertThat(builder).startsWith("builder id is 'x\\n");
        assertSafe(builder);
        String subject = assertThrows(VerificationException.class, () -> new ProvenancePolicy(null, null)
                        .check(hostile, Map.of("app.jar", Statements.SHA256)))
                .getMessage();
        assertThat(subject).startsWith("provenance subject x\\n");
        assertSafe(subject);
    }

    @Test
    void violationPathsNamingTheInputsOwnKeys() throws Exception {
        ObjectNode statement =
                (ObjectNode) MAPPER.readTree(ProvenanceJson.write(Statements.sample(Instant.EPOCH, Instant.EPOCH)));
        // a key of 10 000 characters: Jackson refuses names over 50 000
        ((ObjectNode) statement.at("/subject/0/digest")).put(HOSTILE.substring(0, 10_000), 7);
        ParsedStatement parsed = ProvenanceParser.parse(MAPPER.writeValueAsBytes(statement));
        assertThat(parsed.violations()).isNotEmpty();
        for (Violation v : parsed.violations()) {
            assertThat(v.path()).startsWith("subject[0].digest.x\\n");
            assertSafe(v.toString());
        }
    }

    @Test
    void jacksonMessagesQuotingTheInput() {
        // Jackson's "Duplicate field '…'" and "Unrecognized token '…'" quote the document
        String key = "x\u009b2K\u2028[INFO] BUILD SUCCESS\u202e";
        for (String json :
                List.of("{\"" + key + "\": 1, \"" + key + "\": 2}", "{\"a\": tru" + key.replace("\u2028", "") + "}")) {
            String message = assertThrows(
                            ProvenanceFormatException.class,
                            () -> ProvenanceParser.parse(json.getBytes(StandardCharsets.UTF_8)))
                    .getMessage();
            assertThat(message)
                    .as(message)
                    .doesNotContain("\u009b", "\u2028", "\u202e")
                    .contains("\\u009B2K");
        }
    }
}
