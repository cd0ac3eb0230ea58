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
import java.util.List;
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

    /** A run of base64-like characters: what a message quoting (part of) a key body would contain. */
    private static final java.util.regex.Pattern KEY_MATERIAL = java.util.regex.Pattern.compile("[A-Za-z0-9+/?=]{16,}");

    private static final Map<String, String> NO_PASSWORD = Map.of();

    private static String messageOf(String keyPath, Map<String, String> env) {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> KeySource.load(keyPath, null, env, id -> Optional.empty()));
        assertThat(e).isInstanceOf(java.io.IOException.class);
        java.util.regex.Matcher runs = KEY_MATERIAL.matcher(e.getMessage());
        while (runs.find()) {
            // words such as MalformedInputException are fine; base64 has digits among its letters
            assertThat(runs.group()).as("key material in: %s", e.getMessage()).doesNotContainPattern("[0-9]");
        }
        return e.getMessage();
    }

    private static Map<String, String> env(String key) {
        return Map.of(KeySource.KEY_ENV, key);
    }

    @Test
    void aPemWithADamagedBeginLineIsNeverEchoed() throws Exception {
        String pem = plainPem(pair());
        // one dash missing: the "label" would run on into the key's base64
        String damaged = pem.replaceFirst("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY----");
        assertThat(messageOf(null, env(damaged))).contains("env ARD_SIGN_KEY").contains("malformed BEGIN line");
        // "BEGN": without its marker the value was taken for a path and printed as "file not found: <the key>"
        String typo = pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGN PRIVATE KEY-----");
        assertThat(messageOf(null, env(typo))).contains("not a PEM private key");
        String headless = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", (a, b) -> a + b + "\n");
        assertThat(messageOf(null, env(headless))).contains("not a PEM private key");
    }

    @Test
    void corruptKeyBodiesNameTheKindOfKeyNeverItsContent() throws Exception {
        KeyPair pair = pair();
        for (String pem : List.of(plainPem(pair), sec1Pem(pair), pem(pair, PASSWORD))) {
            String body =
                    pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
            String corrupt = pem.replace(body, "AAAA" + body.substring(8) + "AAAA");
            String message = messageOf(null, Map.of(KeySource.KEY_ENV, corrupt, KeySource.PASSWORD_ENV, PASSWORD));
            assertThat(message).as(message).contains("private key").doesNotContain(PASSWORD);
            Path file = Files.writeString(dir.resolve("corrupt.pem"), corrupt);
            assertThat(messageOf(file.toString(), NO_PASSWORD)).contains("corrupt.pem");
        }
    }

    @Test
    void ardSignKeyHoldingPemTextOrNamingNoFileIsNotEchoed() throws Exception {
        String pem = plainPem(pair());
        assertThat(messageOf(pem, NO_PASSWORD)).contains("ard.sign.key holds PEM text, not a path");
        String missing = dir.resolve("s3cret-typo-9f2e.pem").toString();
        assertThat(messageOf(missing, NO_PASSWORD))
                .contains("ard.sign.key names no readable file")
                .doesNotContain("s3cret-typo-9f2e");
        assertThat(messageOf(dir.toString(), NO_PASSWORD)).contains("names no readable file");
    }

    @Test
    void anEnvironmentValueThatIsNoKeyAndNoFileIsNotEchoed() throws Exception {
        assertThat(messageOf(null, env("tok-7a1b-not-a-key")))
                .contains("env ARD_SIGN_KEY is neither a PEM private key nor the path of a readable file")
                .doesNotContain("tok-7a1b");
        // a NUL makes Path.of throw InvalidPathException, whose message quotes the value
        assertThat(messageOf(null, env("tok-\0-7a1b"))).doesNotContain("7a1b");
    }

    @Test
    void wrongPasswordAndUnreadableFilesNameTheFileOnly() throws Exception {
        KeyPair pair = pair();
        Path pem = Files.writeString(dir.resolve("enc.pem"), pem(pair, PASSWORD));
        String wrong = messageOf(pem.toString(), Map.of(KeySource.PASSWORD_ENV, "wr0ng-pass-c4d1"));
        assertThat(wrong).contains("enc.pem").contains("wrong password").doesNotContain("wr0ng-pass-c4d1");
        assertThat(messageOf(pem.toString(), NO_PASSWORD)).contains("no password was given");
        Path binary = Files.write(dir.resolve("binary.pem"), new byte[] {(byte) 0xC3, (byte) 0xA9, 'x'});
        assertThat(messageOf(binary.toString(), NO_PASSWORD)).contains("binary.pem: not a PEM private key");
    }

    private static String plainPem(KeyPair pair) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        return out.toString();
    }

    private static String sec1Pem(KeyPair pair) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pair);
        }
        assertThat(out.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        return out.toString();
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
