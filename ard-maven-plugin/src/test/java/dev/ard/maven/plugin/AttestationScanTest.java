package dev.ard.maven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.verify.FileProblem;
import dev.ard.core.attest.verify.GateReport;
import dev.ard.core.report.ReportInputs.AttestationView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's attestation section: files found, their subjects and signer, and what ard:verify recorded. */
class AttestationScanTest {
    @TempDir
    Path root;

    @Test
    void listsProvenanceAndBundlesWithTheVerdictArdVerifyRecorded() throws Exception {
        Path ard = Files.createDirectories(root.resolve("target/ard"));
        String statement = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"app-1.0.jar\","
                + "\"digest\":{\"sha256\":\"" + "ab".repeat(32) + "\"}}]}";
        Files.writeString(ard.resolve("app-1.0.provenance.json"), statement, StandardCharsets.UTF_8);
        Files.writeString(
                root.resolve("target/app-1.0.jar.sigstore.json"),
                "{\"verificationMaterial\":{\"publicKey\":{\"hint\":\"SHA256:Zm9v\"}},\"dsseEnvelope\":{\"payload\":\""
                        + Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)) + "\"}}",
                StandardCharsets.UTF_8);
        Files.writeString(root.resolve("target/other.jar.sigstore.json"), "{ not json", StandardCharsets.UTF_8);
        VerificationRecord.write(
                ard,
                new GateReport("app", List.of("app-1.0.jar"), List.of(new FileProblem("lib.jar", "unsigned"))),
                new SystemStreamLog());

        List<AttestationView> views = AttestationScan.of(root);

        assertThat(views)
                .extracting(AttestationView::name)
                .containsExactly(
                        "target/app-1.0.jar.sigstore.json",
                        "target/ard/app-1.0.provenance.json",
                        "target/other.jar.sigstore.json");
        AttestationView bundle = views.get(0);
        assertThat(bundle.signer()).isEqualTo("key SHA256:Zm9v");
        assertThat(bundle.subjects()).containsExactly("app-1.0.jar sha256:" + "ab".repeat(32));
        assertThat(bundle.verified()).isTrue();
        assertThat(bundle.verification()).isEqualTo("verified by ard:verify");
        AttestationView provenance = views.get(1);
        assertThat(provenance.kind()).isEqualTo("SLSA provenance (Build L1)");
        assertThat(provenance.verified()).isNull(); // nothing recorded for it: not claimed
        assertThat(views.get(2).verified()).isFalse(); // malformed: a failure, never "verified"
        assertThat(views.get(2).verification()).startsWith("cannot be read");
    }

    @Test
    void aMissingOrBrokenRecordVerifiesNothing() throws Exception {
        Path ard = Files.createDirectories(root.resolve("target/ard"));
        assertThat(VerificationRecord.read(ard)).isEmpty();
        Files.writeString(ard.resolve(VerificationRecord.FILE), "[1, 2", StandardCharsets.UTF_8);
        assertThat(VerificationRecord.read(ard)).isEmpty();
    }
}
