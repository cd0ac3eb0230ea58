package dev.ard.maven.plugin.sigstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.trust.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency bundles verified whoever signed them, the signer read from the verified certificate (real bundles). */
class CertificateBundleCheckTest {
    private final Path suite = SigstoreConformanceTest.suite();
    private final Path root = suite.resolve("production_trusted_root.json");
    private final Path happy = suite.resolve("happy-path-v0.3/bundle.sigstore.json");

    @Test
    void namesTheSignerOfAVerifiedBundle() throws Exception {
        CertificateBundleCheck check = new CertificateBundleCheck(Optional.of(root), false);
        Signer s = check.verify(Files.readAllBytes(happy), ArtifactDigest.of(suite.resolve("a.txt")));
        assertThat(s)
                .isEqualTo(Signer.keyless(
                        SigstoreConformanceTest.DEFAULT_ISSUER, SigstoreConformanceTest.DEFAULT_IDENTITY));
        assertThat(check.rootId()).startsWith("pinned:").hasSize("pinned:".length() + 64);
    }

    @Test
    void aVersion02BundleVerifiesToo() throws Exception {
        Signer s = new CertificateBundleCheck(Optional.of(root), false)
                .verify(
                        Files.readAllBytes(suite.resolve("happy-path-v0.2/bundle.sigstore.json")),
                        ArtifactDigest.of(suite.resolve("a.txt")));
        assertThat(s.issuer()).isEqualTo(SigstoreConformanceTest.DEFAULT_ISSUER);
    }

    @Test
    void anotherArtifactDoesNotVerify() throws Exception {
        byte[] data = Files.readAllBytes(suite.resolve("a.txt"));
        data[0] ^= 1;
        CertificateBundleCheck check = new CertificateBundleCheck(Optional.of(root), false);
        assertThatThrownBy(() -> check.verify(Files.readAllBytes(happy), ArtifactDigest.of(data)))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aRootThatDoesNotKnowTheSigningInstanceRefusesTheBundle() {
        // the staging instance's root: production's Fulcio certificate does not chain to it
        Path staging = suite.resolve("rekor2-dsse-happy-path/trusted_root.json");
        assertThatThrownBy(() -> new CertificateBundleCheck(Optional.of(staging), false)
                        .verify(Files.readAllBytes(happy), ArtifactDigest.of(suite.resolve("a.txt"))))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aRootWhoseCertificateAuthoritiesExpiredBeforeTheSigningRefusesTheBundle(@TempDir Path dir) throws Exception {
        // the production root with every Fulcio CA's validity ended in 2022; the bundle was signed in March 2024
        ObjectNode expired = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(root));
        expired.withArray("certificateAuthorities")
                .forEach(ca -> ((ObjectNode) ca.get("validFor")).put("end", "2022-12-31T23:59:59.999Z"));
        Path file = Files.write(dir.resolve("expired_root.json"), new ObjectMapper().writeValueAsBytes(expired));
        assertThatThrownBy(() -> new CertificateBundleCheck(Optional.of(file), false)
                        .verify(Files.readAllBytes(happy), ArtifactDigest.of(suite.resolve("a.txt"))))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void offlineWithoutAPinnedRootFailsSayingHowToPinOne() throws Exception {
        CertificateBundleCheck check = new CertificateBundleCheck(Optional.empty(), true);
        assertThat(check.rootId()).isEqualTo("sigstore-public-good");
        assertThatThrownBy(() -> check.verify(Files.readAllBytes(happy), ArtifactDigest.of(suite.resolve("a.txt"))))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("offline")
                .hasMessageContaining("-Dard.trustedRoot");
    }

    @Test
    void aMissingPinnedRootIsRefusedUpFront() {
        assertThatThrownBy(() -> new CertificateBundleCheck(Optional.of(suite.resolve("absent.json")), false))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("not found");
    }
}
