package dev.ard.core.attest.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void readsPlainPkcs8AndDerivesTheSamePublicKey() throws Exception {
        var pair = pair("secp256r1");
        Path pem = write("plain.pem", pem(pair.getPrivate(), null));
        SigningKey key = SigningKey.read(pem, null);
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(key.hint()).isEqualTo(PublicKeys.hint(pair.getPublic()));
    }

    @Test
    void readsEncryptedPkcs8WithThePassword() throws Exception {
        var pair = pair("secp256r1");
        Path pem = write("enc.pem", pem(pair.getPrivate(), PASSWORD));
        assertThat(Files.readString(pem)).contains("ENCRYPTED PRIVATE KEY");
        SigningKey key = SigningKey.read(pem, PASSWORD.clone());
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void wrongOrMissingPasswordIsAClearErrorWithoutSecrets() throws Exception {
        var pair = pair("secp256r1");
        Path pem = write("enc.pem", pem(pair.getPrivate(), PASSWORD));
        assertThatThrownBy(() -> SigningKey.read(pem, "wrong-password-xyz".toCharArray()))
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("wrong-password-xyz");
        assertThatThrownBy(() -> SigningKey.read(pem, null)).hasMessageContaining("no password was given");
    }

    @Test
    void refusesOtherCurvesAndNonKeys() throws Exception {
        Path p384 = write("p384.pem", pem(pair("secp384r1").getPrivate(), null));
        assertThatThrownBy(() -> SigningKey.read(p384, null)).hasMessageContaining("only ECDSA P-256");
        Path junk = write("junk.pem", "hello");
        assertThatThrownBy(() -> SigningKey.read(junk, null)).hasMessageContaining("not a PEM private key");
        assertThatThrownBy(() -> SigningKey.read(dir.resolve("missing.pem"), null))
                .hasMessageContaining("not found");
    }

    @Test
    void toStringShowsOnlyThePublicHint() throws Exception {
        var pair = pair("secp256r1");
        String pem = pem(pair.getPrivate(), null);
        SigningKey key = SigningKey.parse(pem, null);
        String body =
                pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(key.toString()).contains(key.hint()).doesNotContain(body.substring(0, 20));
        assertThat(new KeySigner(key).toString()).doesNotContain(body.substring(0, 20));
    }

    private java.security.KeyPair pair(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve), new SecureRandom());
        return g.generateKeyPair();
    }

    static String pem(PrivateKey key, char[] password) throws Exception {
        OutputEncryptor encryptor = password == null
                ? null
                : new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider())
                        .setIterationCount(2048)
                        .setPassword(password)
                        .build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, encryptor));
        }
        return out.toString();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
