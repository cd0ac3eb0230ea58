package dev.ard.core.attest.sign;

import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Public keys as PEM ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo) and their Sigstore key hint. */
public final class PublicKeys {
    private PublicKeys() {}

    /** Reads a PEM public key file (ECDSA P-256; RSA and Ed25519 keys are read too, for verification only). */
    public static PublicKey read(Path pem) throws IOException {
        return parse(new String(BoundedFiles.read(pem, Pem.MAX_FILE_BYTES, "public key"), StandardCharsets.US_ASCII));
    }

    /** Parses PEM text holding one {@code PUBLIC KEY} block. */
    public static PublicKey parse(String pem) throws IOException {
        byte[] der = Pem.block(pem, "PUBLIC KEY");
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm: SPKI names its algorithm, but KeyFactory wants to be told
            }
        }
        throw new IOException("the PEM block is not an EC, RSA or Ed25519 public key");
    }

    /** The key as a PEM {@code PUBLIC KEY} block with a final newline. */
    public static String toPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /**
     * The key hint ARD writes into a bundle: base64 of the SHA-256 of the DER SubjectPublicKeyInfo — the
     * same form cosign and the Sigstore conformance bundles use, so a verifier can pick the key by it.
     */
    public static String hint(PublicKey key) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** True for an EC key on NIST P-256 (the only curve ARD signs with). */
    static boolean isP256(PublicKey key) {
        return key instanceof ECPublicKey ec && isP256(ec.getParams());
    }

    static boolean isP256(java.security.spec.ECParameterSpec params) {
        return params.getCurve().getField().getFieldSize() == 256
                && params.getOrder().bitLength() == 256
                && params.getCurve().getA().equals(P256_A);
    }

    private static final java.math.BigInteger P256_A =
            new java.math.BigInteger("ffffffff00000001000000000000000000000000fffffffffffffffffffffffc", 16);
}
