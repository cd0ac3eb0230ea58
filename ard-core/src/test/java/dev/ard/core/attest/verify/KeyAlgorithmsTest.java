package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.DsseEnvelope;
import dev.ard.core.attest.model.Pae;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Key-mode bundles signed with RSA (PKCS#1 v1.5 and PSS, 2048-4096 bits) and Ed25519 keys, with real keys and
 * real JDK signatures: each verifies, a changed byte does not, and a key ARD cannot use is refused up front.
 */
class KeyAlgorithmsTest {
    private static final byte[] ARTIFACT = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final ArtifactDigest DIGEST = ArtifactDigest.of(ARTIFACT);
    private static final byte[] STATEMENT = ProvenanceJson.write(Statements.sample(Instant.EPOCH, Instant.EPOCH));
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072, 4096})
    void rsaPkcs1AndPssBlobAndDsseBundlesVerify(int bits) throws Exception {
        KeyPair rsa = generate("RSA", bits);
        // Through PEM, as a user gives the key.
        KeyVerifier verifier = new KeyVerifier(PublicKeys.parse(PublicKeys.toPem(rsa.getPublic())));
        for (String algorithm : List.of("SHA256withRSA", "RSASSA-PSS")) {
            byte[] blob = blobBundle(rsa, algorithm);
            assertThat(verifier.verify(blob, DIGEST).kind())
                    .as(algorithm)
                    .isEqualTo(VerifiedBundle.Kind.MESSAGE_SIGNATURE);
            byte[] dsse = dsseBundle(rsa, algorithm, STATEMENT);
            assertThat(verifier.verify(dsse, DIGEST).subjects()).as(algorithm).containsExactly("app-1.0.jar");

            byte[] tampered = dsseBundle(rsa, algorithm, STATEMENT.clone());
            SigstoreBundle b = BundleJson.read(tampered);
            byte[] sig = b.dsseEnvelope().signatures().get(0).sig();
            sig[sig.length / 2] ^= 1;
            byte[] changed = BundleJson.write(SigstoreBundle.ofDsse(
                    b.publicKeyHint(),
                    new DsseEnvelope(
                            b.dsseEnvelope().payloadType(),
                            b.dsseEnvelope().payload(),
                            List.of(new DsseEnvelope.Signature("", sig)))));
            assertThatThrownBy(() -> verifier.verify(changed, DIGEST))
                    .as(algorithm)
                    .isInstanceOf(VerificationException.class)
                    .hasMessageStartingWith("the DSSE signature does not verify with key ");
            assertThatThrownBy(
                            () -> verifier.verify(blob, ArtifactDigest.of("abd".getBytes(StandardCharsets.US_ASCII))))
                    .hasMessageStartingWith("artifact digest mismatch");
        }
    }

    @Test
    void anRsaBlobSignatureOfAnotherDigestOrByAnotherKeyDoesNotVerify() throws Exception {
        KeyPair rsa = generate("RSA", 2048);
        SigstoreBundle.MessageSignature m =
                BundleJson.read(blobBundle(rsa, "SHA256withRSA")).messageSignature();
        byte[] other =
                ArtifactDigest.of("abd".getBytes(StandardCharsets.US_ASCII)).bytes();
        byte[] forged = BundleJson.write(SigstoreBundle.ofMessage(
                PublicKeys.hint(rsa.getPublic()),
                new SigstoreBundle.MessageSignature(SigstoreBundle.MessageSignature.SHA2_256, other, m.signature())));
        assertThatThrownBy(() -> new KeyVerifier(rsa.getPublic())
                        .verify(forged, ArtifactDigest.of("abd".getBytes(StandardCharsets.US_ASCII))))
                .hasMessageStartingWith("the signature does not verify with key ");
        KeyPair another = generate("RSA", 2048);
        assertThatThrownBy(() -> new KeyVerifier(another.getPublic()).verify(blobBundle(rsa, "RSASSA-PSS"), DIGEST))
                .hasMessage("wrong key: the bundle was signed by key " + PublicKeys.hint(rsa.getPublic())
                        + ", the given key is " + PublicKeys.hint(another.getPublic()));
    }

    @Test
    void ed25519DsseBundlesVerifyAndBlobBundlesAreRefusedWithAReason() throws Exception {
        KeyPair ed = generate("Ed25519", 0);
        KeyVerifier verifier = new KeyVerifier(PublicKeys.parse(PublicKeys.toPem(ed.getPublic())));
        assertThat(verifier.verify(dsseBundle(ed, "Ed25519", STATEMENT), DIGEST).kind())
                .isEqualTo(VerifiedBundle.Kind.DSSE);
        byte[] changedPayload = STATEMENT.clone();
        byte[] good = dsseBundle(ed, "Ed25519", STATEMENT);
        SigstoreBundle b = BundleJson.read(good);
        changedPayload[changedPayload.length - 2] = ' ';
        byte[] tampered = BundleJson.write(SigstoreBundle.ofDsse(
                b.publicKeyHint(),
                new DsseEnvelope(
                        Statement.PAYLOAD_TYPE, changedPayload, b.dsseEnvelope().signatures())));
        assertThatThrownBy(() -> verifier.verify(tampered, DIGEST))
                .hasMessageStartingWith("the DSSE signature does not verify with key ");
        assertThatThrownBy(() -> verifier.verify(blobBundle(ed, "Ed25519"), DIGEST))
                .isInstanceOf(VerificationException.class)
                .hasMessage("an Ed25519 key signs the whole file, not its SHA-256 digest, so a message-signature bundle"
                        + " cannot be verified with it: ARD verifies Ed25519 keys for DSSE bundles");
    }

    @Test
    void keysArdCannotVerifyWithAreRefusedUpFront() throws Exception {
        assertThatThrownBy(() -> new KeyVerifier(generate("RSA", 1024).getPublic()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 1024-bit RSA key is not accepted: Sigstore verifies RSA keys of 2048 to 4096 bits");
        assertThatThrownBy(() -> new KeyVerifier(generate("RSA", 4104).getPublic()))
                .hasMessage("a 4104-bit RSA key is not accepted: Sigstore verifies RSA keys of 2048 to 4096 bits");
        assertThatThrownBy(() -> new KeyVerifier(generate("Ed448", 0).getPublic()))
                .hasMessage(
                        "a public key of type Ed448 is not accepted: ARD verifies ECDSA, RSA (2048-4096 bits) and Ed25519 keys");
        assertThatThrownBy(() -> new KeyVerifier(generate("DSA", 2048).getPublic()))
                .hasMessage(
                        "a public key of type DSA is not accepted: ARD verifies ECDSA, RSA (2048-4096 bits) and Ed25519 keys");
        assertThatThrownBy(
                        () -> new VerificationPolicy.Key(generate("RSA", 1024).getPublic()).verifier(p -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            g.initialize(bits);
        }
        return g.generateKeyPair();
    }

    /** A message-signature bundle as cosign writes one for this key: the signature is over the artifact itself. */
    private static byte[] blobBundle(KeyPair key, String algorithm) throws GeneralSecurityException {
        return BundleJson.write(SigstoreBundle.ofMessage(
                PublicKeys.hint(key.getPublic()),
                new SigstoreBundle.MessageSignature(
                        SigstoreBundle.MessageSignature.SHA2_256,
                        DIGEST.bytes(),
                        sign(key.getPrivate(), algorithm, ARTIFACT))));
    }

    private static byte[] dsseBundle(KeyPair key, String algorithm, byte[] payload) throws GeneralSecurityException {
        byte[] sig = sign(key.getPrivate(), algorithm, Pae.encode(Statement.PAYLOAD_TYPE, payload));
        return BundleJson.write(SigstoreBundle.ofDsse(
                PublicKeys.hint(key.getPublic()),
                new DsseEnvelope(Statement.PAYLOAD_TYPE, payload, List.of(new DsseEnvelope.Signature("", sig)))));
    }

    private static byte[] sign(PrivateKey key, String algorithm, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        if (algorithm.equals("RSASSA-PSS")) {
            s.setParameter(PSS);
        }
        s.initSign(key);
        s.update(data);
        return s.sign();
    }
}
