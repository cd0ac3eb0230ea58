package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bundle text in the keyless verifier's messages, its own and sigstore-java's: escaped, one line, capped. */
class KeylessHostileTextTest {
    private static final String FORGED = "x\n[INFO] BUILD SUCCESS\u001b[32m\r\u009b2K\u2028";
    private static final String HOSTILE = FORGED + "A".repeat(100_000);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertSafe(String message) {
        assertThat(message)
                .as("%.300s", message)
                .doesNotContain("\n", "\r", "\u001b", "\u009b", "\u2028")
                .contains("\\n[INFO] BUILD SUCCESS\\u001B[32m\\r\\u009B2K\\u2028");
        assertThat(message.length()).as("%.300s", message).isLessThan(1000);
    }

    @Test
    void sigstoreJavasMessagesAndTheirCausesBecomeOneEscapedCappedLine() {
        String line = KeylessBundleVerifier.oneLine(new IllegalStateException(HOSTILE, new IOException(FORGED)));
        assertSafe(line);
        assertThat(line).endsWith("chars)");
    }

    @Test
    void theKeyHintOfAKeyBundle() throws Exception {
        Path suite = SigstoreConformanceTest.suite();
        KeylessBundleVerifier verifier = new KeylessBundleVerifier(
                suite.resolve("production_trusted_root.json"),
                SigstoreConformanceTest.DEFAULT_IDENTITY,
                SigstoreConformanceTest.DEFAULT_ISSUER,
                false);
        ArtifactDigest artifact = ArtifactDigest.of(suite.resolve("a.txt"));
        ObjectNode keyBundle = (ObjectNode)
                MAPPER.readTree(BundleJson.write(new KeySigner(SigningKey.generate()).signDigest(artifact)));
        ((ObjectNode) keyBundle.at("/verificationMaterial/publicKey")).put("hint", HOSTILE);
        String message = assertThrows(
                        VerificationException.class,
                        () -> verifier.verify(MAPPER.writeValueAsBytes(keyBundle), artifact))
                .getMessage();
        assertThat(message).startsWith("the bundle is signed with a key (hint x\\n");
        assertSafe(message);
    }
}
