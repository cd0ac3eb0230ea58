package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.attest.sign.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key-mode bundles ARD writes verify with an independent client: sigstore-js ({@code @sigstore/verify}
 * {@value #VERSION}, installed with npm into {@code target/sigstore-js} on first use), and the same
 * client rejects a changed artifact and a wrong key. Skipped with a message when npm is absent or the
 * npm registry cannot be reached; env {@code ARD_REQUIRE_NPM=1} turns that skip into a failure.
 */
class SigstoreJsInteropTest {
    static final String VERSION = "4.1.3";
    private static Path sjs;

    @TempDir
    Path dir;

    @BeforeAll
    static void installSigstoreJs() throws Exception {
        sjs = Paths.get("target/sigstore-js").toAbsolutePath();
        Files.createDirectories(sjs);
        try (InputStream script =
                SigstoreJsInteropTest.class.getResourceAsStream("/sigstore-js/verify-key-bundle.js")) {
            Files.copy(script, sjs.resolve("verify-key-bundle.js"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(sjs.resolve("node_modules/@sigstore/verify"))) {
            return;
        }
        Result npm =
                run(sjs, 300, "npm", "install", "--no-audit", "--no-fund", "--no-save", "@sigstore/verify@" + VERSION);
        skipUnless(
                npm.code == 0,
                "sigstore-js interop skipped: 'npm install @sigstore/verify@" + VERSION + "' failed ("
                        + npm.output.strip() + ")");
    }

    @Test
    void blobBundleVerifiesWithSigstoreJsAndTamperingIsRejected() throws Exception {
        SigningKey key = SigningKey.generate();
        Path artifact = Files.writeString(dir.resolve("app-1.0.jar"), "not really a jar\n");
        Path bundle = Files.write(
                dir.resolve("app-1.0.jar.sigstore.json"), BundleJson.write(new KeySigner(key).signArtifact(artifact)));
        Path pub = Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(key.publicKey()));

        assertThat(verify(bundle, pub, artifact).output).startsWith("verified");

        Path changed = Files.writeString(dir.resolve("changed.jar"), "not really a jar!\n");
        Result tampered = verify(bundle, pub, changed);
        assertThat(tampered.code).isNotZero();
        assertThat(tampered.output).startsWith("rejected");

        Path other = Files.writeString(
                dir.resolve("other.pem"), PublicKeys.toPem(SigningKey.generate().publicKey()));
        Result wrongKey = verify(bundle, other, artifact);
        assertThat(wrongKey.code).isNotZero();
        assertThat(wrongKey.output).contains("no trusted key with hint " + key.hint());
    }

    @Test
    void dsseBundleWithNonAsciiPayloadVerifiesWithSigstoreJs() throws Exception {
        SigningKey key = SigningKey.generate();
        // Non-ASCII in the payload: the PAE length must be the UTF-8 byte count for sigstore-js to agree.
        String statement =
                "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"a\",\"digest\":{\"sha256\":\""
                        + Digests.sha256(new byte[0])
                        + "\"}}],\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"note\":\"é € 𝄞\"}}";
        Path bundle = Files.write(
                dir.resolve("prov.sigstore.json"),
                BundleJson.write(new KeySigner(key)
                        .signDsse(Statement.PAYLOAD_TYPE, statement.getBytes(StandardCharsets.UTF_8))));
        Path pub = Files.writeString(dir.resolve("key.pem"), PublicKeys.toPem(key.publicKey()));
        assertThat(verify(bundle, pub, null).output).startsWith("verified");
    }

    private static Result verify(Path bundle, Path key, Path artifact) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("node", "verify-key-bundle.js", bundle.toString(), key.toString()));
        if (artifact != null) {
            command.add(artifact.toString());
        }
        return run(sjs, 60, command.toArray(String[]::new));
    }

    private static void skipUnless(boolean condition, String message) {
        if (!condition && "1".equals(System.getenv("ARD_REQUIRE_NPM"))) {
            throw new AssertionError("ARD_REQUIRE_NPM=1 but " + message);
        }
        assumeTrue(condition, message);
    }

    private record Result(int code, String output) {}

    private static Result run(Path cwd, int seconds, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            skipUnless(false, "sigstore-js interop skipped: '" + command[0] + "' is not installed");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), text.length() > 400 ? text.substring(0, 400) : text);
    }
}
