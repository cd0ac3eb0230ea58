package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Key-mode signing end to end: a two-module sample is signed with an encrypted PKCS#8 key (password
 * from the environment), gated by ard:verify and deployed by maven-deploy-plugin to a file repository;
 * then every deployed file is verified from there by the standalone ard:verify, a tampered copy is
 * refused, and a gate that does not verify stops the deploy.
 */
class SignDeployIT {
    private static final String PASSWORD = "it-password-4711";

    @Test
    void signedDeployVerifiesFromTheRepositoryAndTamperingFails() throws Exception {
        Path work = ItEnvironment.work().resolve("sign-deploy");
        Sample sample = Sample.copy("sign-sample", work.resolve("sample")).gitInit();
        Path pom = sample.dir().resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@project.version@", ItEnvironment.ardVersion()));
        KeyPair pair = pair();
        Path key = Files.writeString(work.resolve("signing.pem"), encryptedPem(pair));
        Path pub = Files.writeString(work.resolve("signing.pub.pem"), PublicKeys.toPem(pair.getPublic()));
        Path repo = work.resolve("repo");

        MavenLog deploy = sample.maven(
                        "clean",
                        "deploy",
                        "-Dard.sign.mode=key",
                        "-Dard.sign.key=" + key,
                        "-DaltDeploymentRepository=it::" + repo.toUri())
                .env("ARD_SIGN_KEY_PASSWORD", PASSWORD)
                .online()
                .run("deploy");
        assertThat(deploy.exitCode()).as("%s", deploy).isZero();
        assertThat(deploy.lines()).noneMatch(l -> l.contains(PASSWORD));
        assertThat(deploy.ardInfo()).anyMatch(l -> l.contains("verified") && l.contains("sign-lib"));

        List<Path> deployed;
        try (Stream<Path> files = Files.walk(repo.resolve("dev/ard/sample"))) {
            deployed = files.filter(Files::isRegularFile)
                    .map(Path::toString)
                    .filter(f -> !f.contains("maven-metadata")
                            && !f.endsWith(".md5")
                            && !f.endsWith(".sha1")
                            && !f.endsWith(".sha256")
                            && !f.endsWith(".sha512"))
                    .filter(f -> !f.endsWith(".sigstore.json"))
                    .sorted()
                    .map(Path::of)
                    .toList();
        }
        // parent pom; lib pom, jar, sources; app pom, jar (Maven 4 deploys each module's build POM too)
        List<String> expected = new java.util.ArrayList<>(List.of(
                "sign-app-1.0.jar",
                "sign-app-1.0.pom",
                "sign-lib-1.0-sources.jar",
                "sign-lib-1.0.jar",
                "sign-lib-1.0.pom",
                "sign-sample-1.0.pom"));
        if (ItEnvironment.maven4()) {
            expected.addAll(List.of("sign-app-1.0-build.pom", "sign-lib-1.0-build.pom", "sign-sample-1.0-build.pom"));
        }
        assertThat(deployed).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrderElementsOf(expected);

        // Standalone verification runs without a project: an empty directory.
        Path outside = Files.createDirectories(work.resolve("consumer"));
        String goal = "dev.ard:ard-maven-plugin:" + ItEnvironment.ardVersion() + ":verify";
        for (Path file : deployed) {
            Path bundle = Path.of(file + ".sigstore.json");
            assertThat(bundle).as("bundle of %s", file).exists();
            MavenLog ok = Maven.in(outside)
                    .args(goal, "-Dard.verify.artifact=" + file, "-Dard.verify.key=" + pub)
                    .run("verify-" + file.getFileName());
            assertThat(ok.exitCode()).as("%s", ok).isZero();
            assertThat(ok.ardInfo())
                    .anyMatch(l -> l.startsWith("[INFO] ARD: verified") && l.endsWith(", log entry not checked)"));
        }
        // A trusted root with a key asks for the transparency-log entry too: ARD's offline key bundles have none.
        Path root = Files.writeString(
                work.resolve("trusted_root.json"),
                "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\",\"tlogs\":[],"
                        + "\"certificateAuthorities\":[],\"ctlogs\":[],\"timestampAuthorities\":[]}");
        MavenLog logAsked = Maven.in(outside)
                .args(
                        goal,
                        "-Dard.verify.artifact=" + deployed.get(0),
                        "-Dard.verify.key=" + pub,
                        "-Dard.trustedRoot=" + root)
                .run("verify-log-asked");
        assertThat(logAsked.exitCode()).as("%s", logAsked).isNotZero();
        assertThat(logAsked.lines()).anyMatch(l -> l.contains("carries 0 log entries"));
        // The provenance bundle covers the lib's jar and sources jar.
        Path libDir = repo.resolve("dev/ard/sample/sign-lib/1.0");
        MavenLog provenance = Maven.in(outside)
                .args(
                        goal,
                        "-Dard.verify.artifact=" + libDir.resolve("sign-lib-1.0-sources.jar"),
                        "-Dard.verify.bundle=" + libDir.resolve("sign-lib-1.0.provenance.sigstore.json"),
                        "-Dard.verify.key=" + pub)
                .run("verify-provenance");
        assertThat(provenance.exitCode()).as("%s", provenance).isZero();
        // Standalone applies the provenance policy: a wrong builder id is refused, never ignored ...
        MavenLog wrongBuilder = Maven.in(outside)
                .args(
                        goal,
                        "-Dard.verify.artifact=" + libDir.resolve("sign-lib-1.0-sources.jar"),
                        "-Dard.verify.bundle=" + libDir.resolve("sign-lib-1.0.provenance.sigstore.json"),
                        "-Dard.verify.key=" + pub,
                        "-Dard.verify.builderId=https://github.com/o/r/.github/workflows/release.yml")
                .run("verify-provenance-builder");
        assertThat(wrongBuilder.exitCode()).as("%s", wrongBuilder).isNotZero();
        assertThat(wrongBuilder.lines())
                .anyMatch(l -> l.contains("does not verify: builder id is '")
                        && l.contains("expected https://github.com/o/r/.github/workflows/release.yml"));
        // ... and a policy a plain blob bundle cannot answer fails with the reason.
        MavenLog blobWithPolicy = Maven.in(outside)
                .args(
                        goal,
                        "-Dard.verify.artifact=" + libDir.resolve("sign-lib-1.0.jar"),
                        "-Dard.verify.key=" + pub,
                        "-Dard.verify.builderId=https://github.com/o/r/.github/workflows/release.yml")
                .run("verify-blob-builder");
        assertThat(blobWithPolicy.exitCode()).as("%s", blobWithPolicy).isNotZero();
        assertThat(blobWithPolicy.lines())
                .anyMatch(l -> l.contains("is a signature of the file itself, not a signed provenance statement"));

        // One byte of the deployed jar changed: refused, with the reason, and a non-zero exit.
        Path tampered = Files.createDirectories(work.resolve("tampered")).resolve("sign-lib-1.0.jar");
        byte[] jar = Files.readAllBytes(libDir.resolve("sign-lib-1.0.jar"));
        jar[jar.length / 2] ^= 1;
        Files.write(tampered, jar);
        MavenLog bad = Maven.in(outside)
                .args(
                        goal,
                        "-Dard.verify.artifact=" + tampered,
                        "-Dard.verify.bundle=" + libDir.resolve("sign-lib-1.0.jar.sigstore.json"),
                        "-Dard.verify.key=" + pub)
                .run("verify-tampered");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.lines()).anyMatch(l -> l.contains("does not verify: artifact digest mismatch"));

        // The gate: verifying with another key fails the build before deploy, and nothing is uploaded.
        Path other = Files.writeString(
                work.resolve("other.pub.pem"),
                PublicKeys.toPem(SigningKey.generate().publicKey()));
        Path repo2 = work.resolve("repo2");
        MavenLog gated = sample.maven(
                        "clean",
                        "deploy",
                        "-Dard.sign.mode=key",
                        "-Dard.sign.key=" + key,
                        "-Dard.verify.key=" + other,
                        "-DaltDeploymentRepository=it::" + repo2.toUri())
                .env("ARD_SIGN_KEY_PASSWORD", PASSWORD)
                .online()
                .run("gate");
        assertThat(gated.exitCode()).isNotZero();
        assertThat(gated.lines())
                .anyMatch(l -> l.contains("do not verify; nothing may be deployed") && l.contains("wrong key"));
        assertThat(repo2).doesNotExist();
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String encryptedPem(KeyPair pair) throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider())
                .setIterationCount(2048)
                .setPassword(PASSWORD.toCharArray())
                .build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), encryptor));
        }
        return out.toString().replace("\r", "");
    }

    static String utf8(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
