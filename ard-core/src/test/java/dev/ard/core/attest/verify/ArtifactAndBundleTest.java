package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone verification of one artifact, given as a file or a digest, with a real key. */
class ArtifactAndBundleTest {
    private static final SigningKey KEY = SigningKey.generate();

    @TempDir
    Path dir;

    @Test
    void aFileAndTheBundleNextToIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "jar", StandardCharsets.UTF_8);
        Files.write(dir.resolve("app.jar.sigstore.json"), BundleJson.write(new KeySigner(KEY).signArtifact(jar)));
        ArtifactAndBundle target = ArtifactAndBundle.of(jar.toString(), null);
        assertThat(target.bundle()).isEqualTo(dir.resolve("app.jar.sigstore.json"));
        assertThat(target.verify(new KeyVerifier(KEY.publicKey())).signer()).isEqualTo(KEY.hint());

        Files.writeString(jar, "jaR", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ArtifactAndBundle.of(jar.toString(), null).verify(new KeyVerifier(KEY.publicKey())))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("artifact digest mismatch");
    }

    @Test
    void aDigestNeedsItsBundleNamed() throws Exception {
        String digest = "sha256:" + "ab".repeat(32);
        assertThat(ArtifactAndBundle.isDigest(" SHA256:" + "ab".repeat(32))).isTrue();
        assertThatThrownBy(() -> ArtifactAndBundle.of(digest, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bundle is required");
        assertThatThrownBy(() -> ArtifactAndBundle.of("sha256:xyz", dir.resolve("b.json")))
                .isInstanceOf(IllegalArgumentException.class);

        Path bundle = Files.write(
                dir.resolve("b.json"), BundleJson.write(new KeySigner(KEY).signDigest(ArtifactDigest.parse(digest))));
        ArtifactAndBundle target = ArtifactAndBundle.of(digest, bundle);
        assertThat(target.digest()).isEqualTo(ArtifactDigest.parse(digest));
        assertThat(target.verify(new KeyVerifier(KEY.publicKey())).kind())
                .isEqualTo(VerifiedBundle.Kind.MESSAGE_SIGNATURE);
    }

    @Test
    void aMissingFileOrBundleIsAnIoErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> ArtifactAndBundle.of(dir.resolve("missing.jar").toString(), null))
                .isInstanceOf(IOException.class);
        Path jar = Files.writeString(dir.resolve("app.jar"), "jar", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ArtifactAndBundle.of(jar.toString(), null).verify(new KeyVerifier(KEY.publicKey())))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "cannot read the bundle " + dir.resolve("app.jar.sigstore.json") + " (NoSuchFileException)");
    }
}
