package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy gate on a module signed with a real key (a POM, a jar, DSSE provenance of the jar): the untouched
 * module passes, and every alteration fails naming the file and the reason.
 */
class DeployGateTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POM = "app-1.0.pom";
    private static final String JAR = "app-1.0.jar";

    @TempDir
    Path dir;

    private final KeySigner signer = new KeySigner(KEY);
    private Path pom;
    private Path jar;
    private Path statementFile;
    private Path provenanceBundle;

    @BeforeEach
    void signedModule() throws IOException {
        pom = Files.writeString(dir.resolve(POM), "<project/>\n", StandardCharsets.UTF_8);
        jar = Files.write(dir.resolve(JAR), "jar bytes".getBytes(StandardCharsets.UTF_8));
        sign(pom);
        sign(jar);
        Statement statement = statement(Map.of(JAR, Digests.sha256(jar)));
        statementFile = Files.write(dir.resolve("app-1.0.provenance.json"), ProvenanceJson.write(statement));
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signStatement(statement));
    }

    @Test
    void anUntouchedModulePasses() {
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.verified()).containsExactly(POM, JAR, "app-1.0.provenance.sigstore.json");
        assertThat(report.summary()).isEqualTo("verified 3 bundle(s) of app");
    }

    @Test
    void oneChangedByteOfTheArtifact() throws IOException {
        Files.write(jar, "jar bytez".getBytes(StandardCharsets.UTF_8));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(report.passed()).isFalse();
        assertThat(problem(report, JAR)).startsWith("artifact digest mismatch");
        // The provenance no longer names any file on disk either.
        assertThat(problem(report, "app-1.0.provenance.sigstore.json")).startsWith("subject digest mismatch");
        assertThat(report.failure())
                .startsWith("2 file(s) of app do not verify; nothing may be deployed: " + JAR
                        + ": artifact digest mismatch");
    }

    @Test
    void oneChangedByteOfTheSignature() throws IOException {
        Path bundle = bundleOf(jar);
        ObjectNode tree = (ObjectNode) MAPPER.readTree(bundle.toFile());
        ObjectNode message = (ObjectNode) tree.get("messageSignature");
        byte[] sig = Base64.getDecoder().decode(message.get("signature").asText());
        sig[sig.length - 1] ^= 0x01;
        message.put("signature", Base64.getEncoder().encodeToString(sig));
        Files.write(bundle, MAPPER.writeValueAsBytes(tree));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(report.problems()).extracting(FileProblem::file).containsExactly(JAR);
        assertThat(problem(report, JAR)).startsWith("the signature does not verify with key " + KEY.hint());
    }

    @Test
    void anotherKey() {
        SigningKey other = SigningKey.generate();
        GateReport report = new DeployGate(new KeyVerifier(other.publicKey()), ProvenancePolicy.ANY, false)
                .check("app", List.of(), files(), provenance());
        assertThat(report.problems())
                .extracting(FileProblem::file)
                .containsExactly(POM, JAR, "app-1.0.provenance.sigstore.json");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason())
                .startsWith("wrong key: the bundle was signed by key " + KEY.hint()));
        assertThat(report.verified()).isEmpty();
    }

    @Test
    void aProvenanceSubjectThatDiffersFromTheFile() throws IOException {
        String wrong = Digests.sha256("another pom".getBytes(StandardCharsets.UTF_8));
        signProvenance(statement(Map.of(JAR, Digests.sha256(jar), POM, wrong)));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(report.problems()).extracting(FileProblem::file).containsExactly("app-1.0.provenance.sigstore.json");
        assertThat(problem(report, "app-1.0.provenance.sigstore.json"))
                .isEqualTo("subject digest mismatch: the provenance says " + POM + " has sha256:" + wrong
                        + ", the file has sha256:" + Digests.sha256(pom));
    }

    @Test
    void aProvenanceSubjectThatIsNotDeployed() throws IOException {
        signProvenance(statement(Map.of(JAR, Digests.sha256(jar), "app-1.0-sources.jar", Digests.sha256(jar))));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(problem(report, "app-1.0.provenance.sigstore.json"))
                .isEqualTo("provenance subject app-1.0-sources.jar is not among the files checked");
    }

    @Test
    void aProvenancePolicyThatIsNotMet() {
        GateReport report = new DeployGate(
                        new KeyVerifier(KEY.publicKey()), new ProvenancePolicy(null, "https://github.com/o/r/"), false)
                .check("app", List.of(), files(), provenance());
        assertThat(problem(report, "app-1.0.provenance.sigstore.json"))
                .startsWith("builder id is '")
                .endsWith("expected https://github.com/o/r/");
    }

    @Test
    void aMissingBundle() {
        List<DeployedFile> files = List.of(
                new DeployedFile.Signed(POM, pom, bundleOf(pom)),
                new DeployedFile.Unsigned(JAR, jar, JAR + SigstoreBundle.FILE_SUFFIX));
        GateReport report = gate().check("app", List.of(), files, provenance());
        assertThat(report.problems().get(0))
                .isEqualTo(
                        new FileProblem(JAR, "unsigned (no app-1.0.jar.sigstore.json attached; run ard:sign first)"));
        // An unsigned file is not among the files the provenance may name, so the provenance fails too.
        assertThat(problem(report, "app-1.0.provenance.sigstore.json")).startsWith("subject digest mismatch");
    }

    @Test
    void anAttachedBundleThatIsNotOnDisk() throws IOException {
        Files.delete(bundleOf(jar));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(problem(report, JAR)).isEqualTo("bundle " + bundleOf(jar) + " not found");
    }

    @Test
    void aBundleLargerThanABundleMayBe() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(bundleOf(jar).toFile(), "rw")) {
            huge.setLength(BundleJson.MAX_BYTES + 1L); // sparse: nothing is written or read
        }
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(problem(report, JAR))
                .isEqualTo("bundle " + bundleOf(jar) + " is " + (BundleJson.MAX_BYTES + 1L) + " bytes, more than the "
                        + BundleJson.MAX_BYTES + " allowed");
    }

    @Test
    void aMissingProvenanceFailsOnlyWhenRequired() {
        assertThat(gate().check("app", List.of(), files(), Optional.empty()).passed())
                .isTrue();
        GateReport report = new DeployGate(new KeyVerifier(KEY.publicKey()), ProvenancePolicy.ANY, true)
                .check("app", List.of(), files(), Optional.empty());
        assertThat(report.problems())
                .containsExactly(
                        new FileProblem("app", "no provenance bundle attached (ard.verify.requireProvenance)"));
    }

    @Test
    void aDssePayloadOfTheWrongType() throws IOException {
        byte[] payload = Files.readAllBytes(statementFile);
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signDsse("application/json", payload));
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(problem(report, "app-1.0.provenance.sigstore.json"))
                .isEqualTo("DSSE payloadType is 'application/json', expected " + Statement.PAYLOAD_TYPE);
    }

    @Test
    void aSignedStatementThatIsNotSlsaProvenanceIsRefused() throws IOException {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(statementFile));
        tree.put("predicateType", "https://slsa.dev/provenance/v0.2");
        byte[] payload = new ObjectMapper().writeValueAsBytes(tree);
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signDsse(Statement.PAYLOAD_TYPE, payload));
        assertThat(problem(gate().check("app", List.of(), files(), provenance()), "app-1.0.provenance.sigstore.json"))
                .isEqualTo(
                        "the signed provenance is not valid SLSA provenance v1: predicateType: not SLSA provenance v1"
                                + " (https://slsa.dev/provenance/v1)");

        // The same statement signed as a blob (keyless without Rekor v2) is refused the same way.
        Files.write(statementFile, payload);
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signArtifact(statementFile));
        assertThat(problem(gate().check("app", List.of(), files(), provenance()), "app-1.0.provenance.sigstore.json"))
                .startsWith("the signed provenance is not valid SLSA provenance v1: predicateType");
    }

    @Test
    void aBlobBundleOfAnotherFileWhereTheProvenanceIsExpected() throws IOException {
        Files.copy(bundleOf(jar), provenanceBundle, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GateReport report = gate().check("app", List.of(), files(), provenance());
        assertThat(problem(report, "app-1.0.provenance.sigstore.json")).startsWith("artifact digest mismatch");
    }

    @Test
    void aBlobBundleOfTheStatementFileIsCheckedLikeDsse() throws IOException {
        // Keyless signing without Rekor v2 signs the statement file as a blob: it verifies, and its subjects must
        // match.
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signArtifact(statementFile));
        assertThat(gate().check("app", List.of(), files(), provenance()).passed())
                .isTrue();

        Files.write(statementFile, ProvenanceJson.write(statement(Map.of(JAR, Digests.sha256(pom)))));
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signArtifact(statementFile));
        assertThat(problem(gate().check("app", List.of(), files(), provenance()), "app-1.0.provenance.sigstore.json"))
                .startsWith("subject digest mismatch: the provenance says " + JAR);

        Files.delete(statementFile);
        assertThat(problem(gate().check("app", List.of(), files(), provenance()), "app-1.0.provenance.sigstore.json"))
                .startsWith("cannot read the signed provenance app-1.0.provenance.json: ");
    }

    @Test
    void problemsTheCallerFoundComeFirstAndTheMessageNamesFive() throws IOException {
        List<FileProblem> notPackaged = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            notPackaged.add(new FileProblem("app-1.0-c" + i + ".jar", "not packaged (bind ard:sign after package)"));
        }
        Files.write(jar, "changed".getBytes(StandardCharsets.UTF_8));
        GateReport report = gate().check("app", notPackaged, files(), Optional.empty());
        assertThat(report.problems()).hasSize(6);
        assertThat(report.problems().get(0).toString())
                .isEqualTo("app-1.0-c1.jar: not packaged (bind ard:sign after package)");
        assertThat(report.failure())
                .startsWith("6 file(s) of app do not verify; nothing may be deployed: app-1.0-c1.jar: not packaged")
                .endsWith("app-1.0-c5.jar: not packaged (bind ard:sign after package); …")
                .doesNotContain(JAR);
    }

    private DeployGate gate() {
        return new DeployGate(new KeyVerifier(KEY.publicKey()), ProvenancePolicy.ANY, false);
    }

    private List<DeployedFile> files() {
        return List.of(
                new DeployedFile.Signed(POM, pom, bundleOf(pom)), new DeployedFile.Signed(JAR, jar, bundleOf(jar)));
    }

    private Optional<ProvenanceFiles> provenance() {
        return Optional.of(new ProvenanceFiles(provenanceBundle, statementFile));
    }

    private static String problem(GateReport report, String file) {
        return report.problems().stream()
                .filter(p -> p.file().equals(file))
                .findFirst()
                .map(FileProblem::reason)
                .orElseThrow(() -> new AssertionError("no problem for " + file + " in " + report.problems()));
    }

    private static Statement statement(Map<String, String> subjects) {
        Provenance predicate = Statements.sample(Instant.EPOCH, Instant.EPOCH).predicate();
        List<ResourceDescriptor> subject = subjects.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> ResourceDescriptor.subject(e.getKey(), Map.of("sha256", e.getValue())))
                .toList();
        return Statement.of(subject, predicate);
    }

    private void signProvenance(Statement statement) throws IOException {
        Files.write(statementFile, ProvenanceJson.write(statement));
        provenanceBundle = write("app-1.0.provenance.sigstore.json", signer.signStatement(statement));
    }

    private void sign(Path file) throws IOException {
        write(file.getFileName() + SigstoreBundle.FILE_SUFFIX, signer.signArtifact(file));
    }

    private Path bundleOf(Path file) {
        return dir.resolve(file.getFileName() + SigstoreBundle.FILE_SUFFIX);
    }

    private Path write(String name, SigstoreBundle bundle) throws IOException {
        return Files.write(dir.resolve(name), BundleJson.write(bundle));
    }
}
