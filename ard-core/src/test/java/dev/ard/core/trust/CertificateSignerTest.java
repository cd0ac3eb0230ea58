package dev.ard.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.SharedData;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.VerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The signer read from real Fulcio certificates (the sigstore-conformance bundles in {@code ../shared/data}). */
class CertificateSignerTest {
    @Test
    void readsIssuerAndIdentityOfARealFulcioCertificate() throws Exception {
        Path data = SharedData.dir("sigstore-conformance", p -> Files.isDirectory(p.resolve("happy-path-v0.3")));
        byte[] bundle = Files.readAllBytes(data.resolve("happy-path-v0.3/bundle.sigstore.json"));
        Signer s = CertificateSigner.of(BundleJson.read(bundle).certificates().get(0));
        assertThat(s.isKey()).isFalse();
        assertThat(s.issuer()).startsWith("https://");
        assertThat(s.identity()).isNotBlank();
    }

    @Test
    void refusesWhatIsNotACertificate() {
        assertThatThrownBy(() -> CertificateSigner.of(new byte[] {0x30, 0x03, 1, 2, 3}))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void derValueNeedsTheWholeElement() {
        assertThat(CertificateSigner.derValue(new byte[] {0x0C, 0x02, 'h', 'i'}, 0x0C))
                .containsExactly('h', 'i');
        assertThat(CertificateSigner.derValue(new byte[] {0x0C, 0x03, 'h', 'i'}, 0x0C))
                .isNull();
        assertThat(CertificateSigner.derValue(new byte[] {0x04, 0x02, 'h', 'i'}, 0x0C))
                .isNull();
    }
}
