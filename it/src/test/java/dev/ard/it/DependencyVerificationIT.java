package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;

/**
 * {@code ard:verify-dependencies} on a real bundle: a project depending on {@code dev.sigstore:sigstore-java:2.0.0}
 * resolves {@code sigstore-java-2.0.0.jar.sigstore.json} from Maven Central through Maven Resolver and verifies it with
 * sigstore-java against the public-good trusted root (pinned from {@code ../shared}, as offline users pin it) under a
 * policy naming the release workflow; a policy naming another identity fails; a tampered jar in the local repository
 * fails, naming the file.
 */
class DependencyVerificationIT {
    private static final String ISSUER = "https://token.actions.githubusercontent.com";
    private static final String IDENTITY =
            "https://github.com/sigstore/sigstore-java/.github/workflows/release-sigstore-java-from-tag.yaml@refs/tags/v2.0.0";

    @Test
    void theRealBundleOfSigstoreJavaVerifiesAndAWrongIdentityOrATamperedJarFails() throws Exception {
        Path work = ItEnvironment.work().resolve("trust-real");
        Sample sample = Sample.copy("trust-sample", work.resolve("sample"));
        String goal = "dev.ard:ard-maven-plugin:" + ItEnvironment.ardVersion() + ":verify-dependencies";
        String root = "-Dard.trustedRoot=" + productionRoot();

        writePolicy(sample.dir(), IDENTITY);
        MavenLog ok = sample.maven(goal, root).online().run("real");
        assertThat(ok.exitCode()).as("%s", ok).isZero();
        assertThat(ok.ardInfo())
                .anyMatch(
                        l -> l.matches("\\[INFO] ARD: \\d+ dependencies: [1-9]\\d* signed and verified.*, 0 failed.*"));
        String json = Files.readString(sample.dir().resolve("target/ard/dependencies.json"));
        assertThat(json)
                .contains("\"coordinates\" : \"dev.sigstore:sigstore-java:jar:2.0.0\"")
                .contains("\"identity\" : \"" + IDENTITY + "\"");

        writePolicy(sample.dir(), IDENTITY.replace("v2.0.0", "v9.9.9"));
        MavenLog wrong = sample.maven(goal, root).online().run("wrong-identity");
        assertThat(wrong.exitCode()).as("%s", wrong).isNotZero();
        assertThat(wrong.lines())
                .anyMatch(l -> l.contains("[ERROR] ARD: dev.sigstore:sigstore-java:jar:2.0.0 (dependency): signed by")
                        && l.contains("does not accept"));

        writePolicy(sample.dir(), IDENTITY);
        Path jar = ItEnvironment.itRepo().resolve("dev/sigstore/sigstore-java/2.0.0/sigstore-java-2.0.0.jar");
        Path saved = work.resolve("sigstore-java-2.0.0.jar.orig");
        Files.copy(jar, saved, StandardCopyOption.REPLACE_EXISTING);
        try {
            byte[] bytes = Files.readAllBytes(jar);
            bytes[bytes.length / 2] ^= 1;
            Files.write(jar, bytes);
            MavenLog tampered = sample.maven(goal, root).online().run("tampered");
            assertThat(tampered.exitCode()).as("%s", tampered).isNotZero();
            assertThat(tampered.lines())
                    .anyMatch(l -> l.contains("sigstore-java:jar:2.0.0")
                            && l.contains("digest mismatch")
                            && l.contains(jar.toString()));
        } finally {
            Files.copy(saved, jar, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A file repository of artifacts key-signed with ARD's signer (the code {@code ard:sign} runs), the extension
     * binding the check ({@code -Dard.verifyDependencies}), and the lock flow: the first build writes the lock, the
     * second passes from the verdict cache, then a new version signed by another (policy-accepted) key, a bundle of
     * another artifact and a missing bundle under {@code missingSignature: fail} each fail with their reason.
     */
    @Test
    void keySignedArtifactsFromAFileRepositoryAndTheLockFlow() throws Exception {
        Path work = ItEnvironment.work().resolve("trust-repo");
        Sample.deleteTree(work);
        for (String group : new String[] {"org/example/trusted", "org/example/plain"}) {
            Sample.deleteTree(ItEnvironment.itRepo().resolve(group));
        }
        SigningKey first = SigningKey.generate();
        SigningKey second = SigningKey.generate();
        Path repo = work.resolve("repo");
        Path libA = publish(repo, "org.example.trusted", "lib-a", "1.0", first);
        publish(repo, "org.example.trusted", "lib-a", "1.1", second);
        Path libB = publish(repo, "org.example.trusted", "lib-b", "1.0", null);
        Files.copy(Path.of(libA + ".sigstore.json"), Path.of(libB + ".sigstore.json")); // another artifact's bundle
        publish(repo, "org.example.trusted", "lib-d", "1.0", null);
        publish(repo, "org.example.plain", "lib-c", "1.0", null);

        Sample sample = Sample.copy("trust-repo-sample", work.resolve("sample"));
        Files.createDirectories(sample.dir().resolve(".mvn/keys"));
        Files.writeString(sample.dir().resolve(".mvn/keys/first.pem"), PublicKeys.toPem(first.publicKey()));
        Files.writeString(sample.dir().resolve(".mvn/keys/second.pem"), PublicKeys.toPem(second.publicKey()));
        Files.writeString(sample.dir().resolve(".mvn/ard-trust.json"), """
                {
                  "missingSignature": "warn",
                  "rules": [
                    { "artifacts": ["org.example.trusted:*"], "missingSignature": "fail",
                      "signers": [ { "publicKey": "keys/first.pem" }, { "publicKey": "keys/second.pem" } ] }
                  ]
                }
                """);
        dependencies(sample, repo, "org.example.trusted:lib-a:1.0", "org.example.plain:lib-c:1.0");

        // ARD's own plugin depends on sigstore-java, whose bundle is certificate-signed: pin the root (offline here)
        String root = "-Dard.trustedRoot=" + productionRoot();
        MavenLog update = sample.maven("validate", "-Dard.verifyDependencies=true", "-Dard.trust.update", root)
                .run("update");
        assertThat(update.exitCode()).as("%s", update).isZero();
        assertThat(update.ardInfo())
                .anyMatch(l -> l.matches(".*ARD: \\d+ dependencies: \\d+ signed and verified, \\d+ unsigned \\(warn\\),"
                        + " 0 failed.*"));
        String lock = Files.readString(sample.dir().resolve(".mvn/ard-trust.lock"));
        assertThat(lock)
                .contains("org.example.trusted:lib-a:jar:1.0 sha256:")
                .contains(" key " + first.hint())
                .contains("org.example.plain:lib-c:jar:1.0 sha256:")
                .contains(" unsigned");

        MavenLog again =
                sample.maven("validate", "-Dard.verifyDependencies=true", root).run("again");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.ardInfo())
                .anyMatch(l -> l.matches(".*ARD: \\d+ dependencies: (\\d+) signed and verified \\(\\1 cached\\).*"));

        // Repositories out of reach (-o): the bundles already in the local repository still verify; a missing one
        // follows the policy and says why.
        MavenLog offline = sample.maven("validate", "-o", "-Dard.verifyDependencies=true", root, "-Dard.explain")
                .run("offline");
        assertThat(offline.exitCode()).as("%s", offline).isZero();
        assertThat(offline.ardInfo())
                .anyMatch(l -> l.contains("org.example.trusted:lib-a:jar:1.0") && l.contains("verified"));
        assertThat(offline.ardInfo())
                .anyMatch(l -> l.contains("org.example.plain:lib-c:jar:1.0")
                        && l.contains("unsigned")
                        && l.contains("Maven is offline"));

        dependencies(
                sample,
                repo,
                "org.example.trusted:lib-a:1.1",
                "org.example.trusted:lib-b:1.0",
                "org.example.trusted:lib-d:1.0",
                "org.example.plain:lib-c:1.0");
        MavenLog changed =
                sample.maven("validate", "-Dard.verifyDependencies=true", root).run("changed");
        assertThat(changed.exitCode()).as("%s", changed).isNotZero();
        assertThat(changed.lines())
                .anyMatch(l -> l.contains("org.example.trusted:lib-a:jar:1.1")
                        && l.contains("signer of group org.example.trusted changed: locked key " + first.hint())
                        && l.contains("seen key " + second.hint())
                        && l.contains("mvn ard:verify-dependencies -Dard.trust.update"));
        assertThat(changed.lines())
                .anyMatch(l -> l.contains("org.example.trusted:lib-b:jar:1.0") && l.contains("digest mismatch"));
        assertThat(changed.lines())
                .anyMatch(l -> l.contains("org.example.trusted:lib-d:jar:1.0")
                        && l.contains("no bundle in trusted")
                        && l.contains("missingSignature is fail"));
        assertThat(changed.lines()).anyMatch(l -> l.contains("3 failed"));
    }

    /** Writes a jar and POM (and, when {@code key} is given, the jar's bundle) into a file repository; the jar's path. */
    private static Path publish(Path repo, String group, String artifact, String version, SigningKey key)
            throws Exception {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        String base = artifact + "-" + version;
        Files.writeString(dir.resolve(base + ".pom"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>%s</groupId><artifactId>%s</artifactId>
                <version>%s</version></project>
                """.formatted(group, artifact, version));
        Path jar =
                Files.writeString(dir.resolve(base + ".jar"), "classes of " + group + ":" + artifact + ":" + version);
        if (key != null) {
            Files.write(Path.of(jar + ".sigstore.json"), BundleJson.write(new KeySigner(key).signArtifact(jar)));
        }
        return jar;
    }

    private static void dependencies(Sample sample, Path repo, String... coordinates) throws Exception {
        StringBuilder xml = new StringBuilder();
        for (String c : coordinates) {
            String[] p = c.split(":");
            xml.append(
                    "    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>\n"
                            .formatted(p[0], p[1], p[2]));
        }
        String pom = Files.readString(ItEnvironment.samples().resolve("trust-repo-sample/pom.xml"));
        Files.writeString(
                sample.dir().resolve("pom.xml"),
                pom.replace("@repository@", repo.toUri().toString()).replace("@dependencies@", xml));
    }

    private static void writePolicy(Path dir, String identity) throws Exception {
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/ard-trust.json"), """
                {
                  "missingSignature": "ignore",
                  "rules": [
                    { "artifacts": ["dev.sigstore:sigstore-java"], "missingSignature": "fail",
                      "signers": [ { "issuer": "%s", "identity": "%s" } ] }
                  ]
                }
                """.formatted(ISSUER, identity), StandardCharsets.UTF_8);
    }

    /** Sigstore's production trusted root, from the conformance data next to the repository (never copied into it). */
    static Path productionRoot() {
        Path root = ItEnvironment.samples()
                .resolve("../../../../shared/data/sigstore-conformance/production_trusted_root.json")
                .normalize();
        if (!Files.isRegularFile(root)) {
            String required = System.getenv().getOrDefault("ARD_REQUIRE_SHARED", "");
            if (required.equals("1") || required.contains("sigstore-conformance")) {
                fail("ARD_REQUIRE_SHARED requires " + root);
            }
            assumeTrue(false, root + " not found next to the repository: skipped");
        }
        return root;
    }
}
