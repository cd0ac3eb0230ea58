package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.VerificationException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * A public key a key-mode bundle may be signed with, and how each kind of key verifies the two things a
 * bundle signs: a blob's SHA-256 (message signature) and a DSSE envelope's PAE bytes. The algorithms are
 * the Sigstore algorithm registry's for these keys, with SHA-256:
 * <ul>
 *   <li>ECDSA (any curve the JDK knows; ARD signs with P-256);</li>
 *   <li>RSA, 2048 to 4096 bits, PKCS#1 v1.5 or PSS (MGF1-SHA-256, 32-byte salt) — either verifies;</li>
 *   <li>Ed25519, DSSE only: pure Ed25519 signs the whole message, so a signature over a blob cannot be
 *       checked from the blob's digest, which is all a message-signature bundle carries.</li>
 * </ul>
 * Any other key is refused by {@link #of} before a bundle is read, never with a JCA exception later.
 */
sealed interface VerificationKey {
    int RSA_MIN_BITS = 2048;
    int RSA_MAX_BITS = 4096;

    /** @throws IllegalArgumentException a key ARD cannot verify with, with a message saying which keys it can */
    static VerificationKey of(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            return new Ecdsa(ec);
        }
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
                throw new IllegalArgumentException(
                        "a " + bits + "-bit RSA key is not accepted: Sigstore verifies RSA keys of " + RSA_MIN_BITS
                                + " to " + RSA_MAX_BITS + " bits");
            }
            return new Rsa(rsa);
        }
        if (key instanceof EdECPublicKey ed
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return new Ed25519(ed);
        }
        String type = key instanceof EdECPublicKey ed ? ed.getParams().getName() : key.getAlgorithm();
        throw new IllegalArgumentException("a public key of type " + type
                + " is not accepted: ARD verifies ECDSA, RSA (2048-4096 bits) and Ed25519 keys");
    }

    /** True when the bundle's signature over the blob's SHA-256 verifies. */
    boolean verifiesDigest(byte[] sha256, byte[] signature) throws VerificationException;

    /** True when the signature over {@code data} (DSSE's PAE bytes) verifies. */
    boolean verifiesMessage(byte[] data, byte[] signature) throws VerificationException;

    record Ecdsa(ECPublicKey key) implements VerificationKey {
        @Override
        public boolean verifiesDigest(byte[] sha256, byte[] signature) throws VerificationException {
            return jca("NONEwithECDSA", null, key, sha256, signature);
        }

        @Override
        public boolean verifiesMessage(byte[] data, byte[] signature) throws VerificationException {
            return jca("SHA256withECDSA", null, key, data, signature);
        }
    }

    record Rsa(RSAPublicKey key) implements VerificationKey {
        /** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2, note 1). */
        private static final byte[] SHA256_DIGEST_INFO =
                HexFormat.of().parseHex("3031300d060960864801650304020105000420");

        private static final PSSParameterSpec PSS = new PSSParameterSpec(
                "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

        @Override
        public boolean verifiesDigest(byte[] sha256, byte[] signature) throws VerificationException {
            byte[] digestInfo = new byte[SHA256_DIGEST_INFO.length + sha256.length];
            System.arraycopy(SHA256_DIGEST_INFO, 0, digestInfo, 0, SHA256_DIGEST_INFO.length);
            System.arraycopy(sha256, 0, digestInfo, SHA256_DIGEST_INFO.length, sha256.length);
            return jca("NONEwithRSA", null, key, digestInfo, signature) || RawPss.verifies(key, sha256, signature);
        }

        @Override
        public boolean verifiesMessage(byte[] data, byte[] signature) throws VerificationException {
            return jca("SHA256withRSA", null, key, data, signature) || jca("RSASSA-PSS", PSS, key, data, signature);
        }
    }

    record Ed25519(EdECPublicKey key) implements VerificationKey {
        @Override
        public boolean verifiesDigest(byte[] sha256, byte[] signature) throws VerificationException {
            throw new VerificationException(
                    "an Ed25519 key signs the whole file, not its SHA-256 digest, so a"
                            + " message-signature bundle cannot be verified with it: ARD verifies Ed25519 keys for DSSE bundles");
        }

        @Override
        public boolean verifiesMessage(byte[] data, byte[] signature) throws VerificationException {
            return jca("Ed25519", null, key, data, signature);
        }
    }

    /**
     * The JDK's PSS wants the message; BouncyCastle's raw PSS signer takes the digest the bundle carries. Its own
     * class so that BouncyCastle (optional in core; the plugin ships it) is loaded only for an RSA blob bundle.
     */
    final class RawPss {
        private RawPss() {}

        static boolean verifies(RSAPublicKey key, byte[] sha256, byte[] signature) {
            PSSSigner pss = PSSSigner.createRawSigner(
                    new RSAEngine(), new SHA256Digest(), new SHA256Digest(), 32, PSSSigner.TRAILER_IMPLICIT);
            pss.init(false, new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
            pss.update(sha256, 0, sha256.length);
            try {
                return pss.verifySignature(signature);
            } catch (RuntimeException e) {
                return false; // a signature longer than the modulus
            }
        }
    }

    private static boolean jca(String algorithm, PSSParameterSpec params, PublicKey key, byte[] data, byte[] signature)
            throws VerificationException {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            if (params != null) {
                verifier.setParameter(params);
            }
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // a malformed signature (bad DER, wrong length) is just one that does not verify
        } catch (GeneralSecurityException e) {
            // of() admits only keys these algorithms take, so this is a JDK without them, not bad input
            throw new VerificationException(
                    "this JDK cannot verify " + algorithm + " with a " + key.getAlgorithm() + " key");
        }
    }
}
