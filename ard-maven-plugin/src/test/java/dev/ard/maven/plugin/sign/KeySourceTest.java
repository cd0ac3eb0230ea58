package dev.ard.maven.plugin.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.telemetry.StoreConfigResolver.Credentials;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
    private static final String PASSWORD = "s3rver-pass";

    @TempDir
    Path dir;

    @Test
    void nothingConfiguredMeansNoKey() throws Exception {
        assertThat(KeySource.load(null, null, Map.of(), id -> Optional.empty())).isEmpty();
    }

    @Test
    void keyFileWithPasswordFromASettingsServer() throws Exception {
        KeyPair pair = pair();
        Path pem = Files.writeString(dir.resolve("k.pem"), pem(pair, PASSWORD));
        Optional<SigningKey> key = KeySource.load(
                pem.toString(),
                "signing",
                Map.of(),
                id -> id.equals("signing") ? Optional.of(new Credentials(null, PASSWORD)) : Optional.empty());
        assertThat(key).get().extracting(SigningKey::publicKey).isEqualTo(pair.getPublic());
    }

    @Test
    void pemInTheEnvironmentWithPasswordFromTheEnvironment() throws Exception {
        KeyPair pair = pair();
        Optional<SigningKey> key = KeySource.load(
                null,
                null,
                Map.of(KeySource.KEY_ENV, pem(pair, PASSWORD), KeySource.PASSWORD_ENV, PASSWORD),
                id -> Optional.empty());
        assertThat(key).get().extracting(SigningKey::publicKey).isEqualTo(pair.getPublic());
    }

    @Test
    void errorsNameTheCauseNeverTheSecret() throws Exception {
        KeyPair pair = pair();
        String pem = pem(pair, PASSWORD);
        assertThatThrownBy(() -> KeySource.load(
                        null,
                        null,
                        Map.of(KeySource.KEY_ENV, pem, KeySource.PASSWORD_ENV, "not-it"),
                        id -> Optional.empty()))
                .hasMessageContaining("env ARD_SIGN_KEY")
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-it")
                .hasMessageNotContaining(pem.lines().skip(1).findFirst().orElseThrow());
        assertThatThrownBy(() ->
                        KeySource.load(dir.resolve("k.pem").toString(), "missing", Map.of(), id -> Optional.empty()))
                .hasMessageContaining("no <server> with id 'missing'");
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String pem(KeyPair pair, String password) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider())
                .setIterationCount(2048)
                .setPassword(password.toCharArray())
                .build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), encryptor));
        }
        return out.toString();
    }
}
