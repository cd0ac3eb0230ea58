package dev.ard.core.attest.sign;

import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * An ECDSA P-256 signing key read from PEM: PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}, PBES2 as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it) or
 * SEC1 ({@code EC PRIVATE KEY}). cosign's own {@code ENCRYPTED SIGSTORE PRIVATE KEY} format (scrypt +
 * NaCl secretbox) is not read: export such a key to PKCS#8 first.
 *
 * <p>The private key never leaves this object: no accessor, and {@link #toString()}, exceptions and
 * logs show only the public-key hint. Needs BouncyCastle ({@code bcpkix-jdk18on}) on the class path only
 * for encrypted and SEC1 keys and to derive the public key.
 */
public final class SigningKey {
    /** A PEM label as RFC 7468 has them ({@code ENCRYPTED PRIVATE KEY}); anything else is not shown. */
    private static final Pattern PEM_LABEL = Pattern.compile("[A-Z0-9]+( [A-Z0-9]+)*");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String hint;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.hint = PublicKeys.hint(publicKey);
    }

    /** A fresh random P-256 key (tests, benchmarks, one-off keys). */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate P-256 keys", e);
        }
    }

    /**
     * Reads a PEM key file; {@code password} may be {@code null} for an unencrypted key and is not kept. A path that
     * names no file is not shown in the message: a mistyped or misplaced key value would be printed otherwise.
     */
    public static SigningKey read(Path pem, char[] password) throws IOException {
        if (!Files.isRegularFile(pem)) {
            throw new IOException("signing key file not found (the value is not shown: it may be key material)");
        }
        String text;
        try {
            text = new String(BoundedFiles.read(pem, Pem.MAX_FILE_BYTES, "signing key"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException(
                    "signing key " + pem.getFileName() + ": cannot read it (" + BoundedFiles.reason(e) + ")");
        }
        try {
            return parse(text, password);
        } catch (IOException e) {
            throw new IOException("signing key " + pem.getFileName() + ": " + e.getMessage());
        }
    }

    /** Parses PEM key text (from a file or an environment variable). Messages never quote the text. */
    public static SigningKey parse(String pem, char[] password) throws IOException {
        String label = Pem.label(pem);
        if (label == null) {
            throw new IOException("not a PEM private key");
        }
        if (label.length() > 64 || !PEM_LABEL.matcher(label).matches()) {
            // e.g. "-----BEGIN PRIVATE KEY----" with a dash missing: the "label" runs on into the key's base64
            throw new IOException("not a PEM private key (malformed BEGIN line)");
        }
        PrivateKey key =
                switch (label) {
                    case "PRIVATE KEY" -> pkcs8(Pem.block(pem, label));
                    case "ENCRYPTED PRIVATE KEY" -> decrypt(Pem.block(pem, label), password);
                    case "EC PRIVATE KEY" -> sec1(pem);
                    case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY" ->
                        throw new IOException(
                                "cosign's encrypted key format is not supported; export the key as PKCS#8 PEM");
                    default ->
                        throw new IOException(
                                "unsupported PEM block '" + label + "' (expected a PKCS#8 or SEC1 private key)");
                };
        if (!(key instanceof ECPrivateKey ec) || !PublicKeys.isP256(ec.getParams())) {
            throw new IOException("only ECDSA P-256 keys are supported");
        }
        return new SigningKey(key, publicOf(ec));
    }

    /** The matching public key. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** The key hint written into bundles ({@link PublicKeys#hint}). */
    public String hint() {
        return hint;
    }

    /** Signs {@code message} with SHA-256 ECDSA (ASN.1 DER signature). */
    byte[] sign(byte[] message) {
        return sign("SHA256withECDSA", message);
    }

    /**
     * Signs a SHA-256 digest directly: for P-256 this is the same signature as {@link #sign} over the
     * message, so a large artifact is read once (for its digest) and never held in memory.
     */
    byte[] signDigest(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
        }
        return sign("NONEwithECDSA", sha256);
    }

    private byte[] sign(String algorithm, byte[] data) {
        try {
            java.security.Signature signature = java.security.Signature.getInstance(algorithm);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            // Never include the key; the JCA message names only the algorithm.
            throw new IllegalStateException(
                    "ECDSA signing failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SigningKey[ECDSA P-256, hint=" + hint + "]";
    }

    private static PrivateKey pkcs8(byte[] der) throws IOException {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an EC PKCS#8 private key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static PrivateKey decrypt(byte[] der, char[] password) throws IOException {
        if (password == null || password.length == 0) {
            throw new IOException("the key is encrypted and no password was given");
        }
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(password);
            PrivateKeyInfo info = new PKCS8EncryptedPrivateKeyInfo(der).decryptPrivateKeyInfo(decryptor);
            return pkcs8(info.getEncoded());
        } catch (PKCSException e) {
            throw new IOException("cannot decrypt the key: wrong password or unsupported encryption");
        } catch (IOException e) {
            throw new IOException(
                    "not an encrypted PKCS#8 private key (" + e.getClass().getSimpleName() + ")");
        } catch (org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            throw new IOException("cannot decrypt the key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PrivateKey sec1(String pem) throws IOException {
        Object object;
        try (PEMParser parser = new PEMParser(new java.io.StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // BouncyCastle's parse messages are not ours to vouch for: only the type is shown
            throw new IOException("not a SEC1 EC private key (" + e.getClass().getSimpleName() + ")");
        }
        if (!(object instanceof PEMKeyPair pair)) {
            throw new IOException("not a SEC1 EC private key");
        }
        return pkcs8(pair.getPrivateKeyInfo().getEncoded());
    }

    /** Q = d·G on P-256: a PKCS#8 file need not carry the public key, and JCA cannot derive it. */
    private static PublicKey publicOf(ECPrivateKey key) throws IOException {
        try {
            X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
            BigInteger d = key.getS();
            org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(d).normalize();
            ECPoint point = new ECPoint(
                    q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, key.getParams()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the public key");
        }
    }
}
