package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.BuilderIdentity;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
                .hasMessage("bundle " + dir.resolve("app.jar.sigstore.json") + " not found");
    }

    @Test
    void standaloneAppliesTheProvenancePolicy() throws Exception {
        // A valid DSSE provenance bundle naming the jar, built by the local builder from github.com/o/r.
        Statement statement = Statements.sample(Instant.EPOCH, Instant.EPOCH);
        Path provenance = Files.write(
                dir.resolve("app-1.0.provenance.sigstore.json"),
                BundleJson.write(new KeySigner(KEY).signStatement(statement)));
        String jar = "sha256:" + Statements.SHA256;
        ArtifactAndBundle target = ArtifactAndBundle.of(jar, provenance);
        KeyVerifier verifier = new KeyVerifier(KEY.publicKey());

        assertThat(target.verify(verifier, new ProvenancePolicy("https://github.com/o/r", BuilderIdentity.LOCAL), true)
                        .subjects())
                .containsExactly("app-1.0.jar");
        assertThatThrownBy(() -> target.verify(verifier, new ProvenancePolicy(null, "https://github.com/o/r"), false))
                .isInstanceOf(VerificationException.class)
                .hasMessage("builder id is '" + BuilderIdentity.LOCAL + "', expected https://github.com/o/r");
        assertThatThrownBy(
                        () -> target.verify(verifier, new ProvenancePolicy("https://github.com/o/r-evil", null), false))
                .hasMessage("the provenance names no source from https://github.com/o/r-evil");
    }

    @Test
    void aPolicyThatCannotApplyToABlobBundleFails() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "jar", StandardCharsets.UTF_8);
        Files.write(dir.resolve("app.jar.sigstore.json"), BundleJson.write(new KeySigner(KEY).signArtifact(jar)));
        ArtifactAndBundle target = ArtifactAndBundle.of(jar.toString(), null);
        KeyVerifier verifier = new KeyVerifier(KEY.publicKey());

        assertThat(target.verify(verifier, ProvenancePolicy.ANY, false).kind())
                .isEqualTo(VerifiedBundle.Kind.MESSAGE_SIGNATURE);
        assertThatThrownBy(() -> target.verify(verifier, new ProvenancePolicy(null, BuilderIdentity.LOCAL), false))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "app.jar.sigstore.json is a signature of the file itself, not a signed provenance statement,"
                                + " so the builder id cannot be checked: verify the provenance bundle (a DSSE bundle naming the"
                                + " artifact as a subject) instead");
        assertThatThrownBy(() -> target.verify(verifier, new ProvenancePolicy("https://github.com/o/r", "b"), false))
                .hasMessageContaining("so the builder id and the source repository cannot be checked");
        assertThatThrownBy(() -> target.verify(verifier, ProvenancePolicy.ANY, true))
                .hasMessageContaining("so the required provenance cannot be checked");
    }
}
