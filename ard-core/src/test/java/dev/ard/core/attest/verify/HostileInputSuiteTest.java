package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.KeySigner;
import dev.ard.core.attest.sign.SigningKey;
import dev.ard.core.io.Fifo;
import dev.ard.core.selection.model.HostileModels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite, one table: each input an attacker or a broken pipeline could hand {@code ard:verify} (an
 * artifact and its bundle on disk, read by the standalone path {@link ArtifactAndBundle}) or the model store, and its
 * verdict with the message. Tampered, malleated, oversized, special files, policy mismatches, crafted model rows;
 * a few valid inputs are in the table too, so the suite fails if the verifier starts refusing everything. The table
 * is printed at the end (and written to {@code target/hostile-inputs.md}).
 *
 * <p>Certificate (keyless) bundles have their own tamper suites in the plugin, where sigstore-java is.
 */
class HostileInputSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPTED = "accepted";
    private static final String WORKFLOW = "https://github.com/o/r/.github/workflows/release.yml";

    @TempDir
    static Path dir;

    private static SigningKey key;
    private static KeySigner signer;
    private static Path artifact;
    private static final List<String> rows = new ArrayList<>();

    /** One input: how it is decided, and the verdict it must get ("accepted", or a fragment of the refusal). */
    record Case(String category, String name, Decision decision, String expected) {
        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    @FunctionalInterface
    interface Decision {
        void decide() throws Exception;
    }

    @BeforeAll
    static void keys() throws Exception {
        key = SigningKey.generate();
        signer = new KeySigner(key);
        // Statements.sample's subject app-1.0.jar has the sha256 of "abc"
        artifact = Files.writeString(dir.resolve("app-1.0.jar"), "abc", StandardCharsets.UTF_8);
    }

    static Stream<Case> cases() {
        ProvenancePolicy none = ProvenancePolicy.ANY;
        return Stream.of(
                new Case("valid", "blob bundle of the artifact", () -> verify(blob(), none, false), ACCEPTED),
                new Case(
                        "valid",
                        "provenance bundle, builder id exact up to @ref, source repository exact",
                        () -> verify(
                                provenance(
                                        WORKFLOW + "@refs/heads/main", "git+https://github.com/o/r.git@refs/tags/v1"),
                                new ProvenancePolicy("https://github.com/o/r", WORKFLOW),
                                true),
                        ACCEPTED),
                // tampered
                new Case(
                        "tampered",
                        "one byte of the artifact changed",
                        () -> verifyAs(blob(), "abd"),
                        "artifact digest mismatch"),
                new Case(
                        "tampered",
                        "one bit of the signature flipped",
                        () -> verify(
                                edit(blob(), b -> flipBase64((ObjectNode) b.get("messageSignature"), "signature")),
                                none,
                                false),
                        "the signature does not verify with key"),
                new Case(
                        "tampered",
                        "one byte of the signed DSSE payload changed",
                        () -> verify(
                                edit(
                                        provenance(WORKFLOW, null),
                                        b -> flipBase64((ObjectNode) b.get("dsseEnvelope"), "payload")),
                                none,
                                false),
                        "the DSSE signature does not verify with key"),
                new Case(
                        "tampered",
                        "signed by another key",
                        () -> verify(bundle(new KeySigner(SigningKey.generate()).signArtifact(artifact)), none, false),
                        "wrong key"),
                new Case(
                        "tampered",
                        "valid provenance of another artifact",
                        () -> verifyAs(provenance(WORKFLOW, null), "abcd"),
                        "subject digest mismatch"),
                // malleated
                new Case(
                        "malleated",
                        "duplicate key in the bundle JSON",
                        () -> verify(blob().replaceFirst("\\{", "{\"mediaType\":\"x\","), none, false),
                        "duplicate key 'mediaType'"),
                new Case(
                        "malleated",
                        "DSSE envelope with its signature twice",
                        () -> verify(
                                edit(provenance(WORKFLOW, null), b -> {
                                    ArrayNode sigs =
                                            (ArrayNode) b.get("dsseEnvelope").get("signatures");
                                    sigs.add(sigs.get(0).deepCopy());
                                }),
                                none,
                                false),
                        "has 2 signatures"),
                new Case(
                        "malleated",
                        "signed payload that is itself a DSSE envelope",
                        () -> verify(
                                bundle(signer.signDsse(Statement.PAYLOAD_TYPE, dsseJson(provenance(WORKFLOW, null)))),
                                none,
                                false),
                        "not an in-toto statement"),
                new Case(
                        "malleated",
                        "signed payload type other than in-toto",
                        () -> verify(
                                bundle(signer.signDsse("application/json", statementJson(WORKFLOW, null))),
                                none,
                                false),
                        "DSSE payloadType is"),
                new Case(
                        "malleated",
                        "signed statement with another predicateType, with a builder-id policy",
                        () -> verify(
                                bundle(signer.signDsse(
                                        Statement.PAYLOAD_TYPE,
                                        text(statementJson(WORKFLOW, null))
                                                .replace(
                                                        Statement.SLSA_PROVENANCE_V1,
                                                        "https://slsa.dev/provenance/v0.2")
                                                .getBytes(StandardCharsets.UTF_8))),
                                new ProvenancePolicy(null, WORKFLOW),
                                false),
                        "not valid SLSA provenance v1"),
                new Case(
                        "malleated",
                        "unknown bundle media type",
                        () -> verify(
                                edit(blob(), b -> b.put("mediaType", "application/vnd.dev.sigstore.bundle.v9+json")),
                                none,
                                false),
                        "media type"),
                new Case(
                        "malleated",
                        "JSON nested 100 deep",
                        () -> verify(
                                blob().replaceFirst("\\{", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + ","),
                                none,
                                false),
                        "nest"),
                // oversized and special files
                new Case(
                        "oversized",
                        "bundle of 16 MiB + 1 (sparse)",
                        () -> verifyFile(sparse(BundleJson.MAX_BYTES + 1L)),
                        "allowed"),
                new Case(
                        "special file",
                        "bundle is /dev/zero (symlink)",
                        () -> verifyFile(link("/dev/zero")),
                        "not a regular file"),
                new Case("special file", "bundle is a named pipe", () -> verifyFile(fifo()), "not a regular file"),
                new Case(
                        "special file",
                        "bundle is a directory",
                        () -> verifyFile(Files.createTempDirectory(dir, "d")),
                        "not a regular file"),
                new Case(
                        "special file",
                        "bundle missing",
                        () -> verifyFile(dir.resolve("absent.sigstore.json")),
                        "not found"),
                // policy mismatches
                new Case(
                        "policy",
                        "builder id that only starts with the expected one",
                        () -> verify(
                                provenance("https://github.com/o/r-evil/.github/workflows/release.yml", null),
                                new ProvenancePolicy(null, "https://github.com/o/r"),
                                false),
                        "builder id is"),
                new Case(
                        "policy",
                        "workflow path with a suffix",
                        () -> verify(
                                provenance(WORKFLOW + "-evil.yml@refs/heads/dev", null),
                                new ProvenancePolicy(null, WORKFLOW),
                                false),
                        "builder id is"),
                new Case(
                        "policy",
                        "source repository that only starts with the expected one",
                        () -> verify(
                                provenance(WORKFLOW, "git+https://github.com/o/r-evil.git@refs/heads/main"),
                                new ProvenancePolicy("https://github.com/o/r", null),
                                false),
                        "names no source from https://github.com/o/r"),
                new Case(
                        "policy",
                        "builder id asked of a blob signature",
                        () -> verify(blob(), new ProvenancePolicy(null, WORKFLOW), false),
                        "is a signature of the file itself"),
                new Case(
                        "policy",
                        "provenance required of a blob signature",
                        () -> verify(blob(), none, true),
                        "the required provenance cannot be checked"),
                // crafted model rows (a tampered shared store)
                new Case(
                        "model row",
                        "Java-serialized nested-HashMap bomb",
                        () -> model(HostileModels.javaSerialized(HostileModels.bomb())),
                        "Java-serialized"),
                new Case(
                        "model row",
                        "not ARD's format",
                        () -> model("{\"trees\":[]}".getBytes(StandardCharsets.UTF_8)),
                        "no ARDM header"),
                new Case(
                        "model row",
                        "unknown format version",
                        () -> model(HostileModels.row(99, out -> {})),
                        "unknown model format version 99"),
                new Case(
                        "model row",
                        "checksum broken",
                        () -> {
                            byte[] b = HostileModels.row(out -> out.writeShort(0));
                            b[b.length - 1] ^= 1;
                            model(b);
                        },
                        "checksum does not match"),
                new Case(
                        "model row",
                        "feature count over the cap",
                        () -> model(HostileModels.row(out -> out.writeShort(257))),
                        "feature count 257 is over the limit"),
                new Case(
                        "model row",
                        "truncated inside the model",
                        () -> model(HostileModels.row(out -> out.writeShort(3))),
                        "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachInputIsDecidedAsSpecified(Case c) throws Exception {
        String verdict;
        try {
            c.decision().decide();
            verdict = ACCEPTED;
        } catch (VerificationException | IOException | IllegalArgumentException e) {
            verdict = "refused: " + e.getMessage();
        }
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s |", c.category(), c.name(), verdict.replace("|", "\\|")));
        if (ACCEPTED.equals(c.expected())) {
            assertThat(verdict).as(c.toString()).isEqualTo(ACCEPTED);
        } else {
            assertThat(verdict).as(c.toString()).startsWith("refused: ").contains(c.expected());
        }
    }

    @AfterAll
    static void printTable() throws IOException {
        String table = "| input | case | verdict |\n|---|---|---|\n" + String.join("\n", rows) + "\n";
        System.out.print(table);
        Path out = Path.of("target", "hostile-inputs.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    // --- how inputs are decided: the standalone verification path, files on disk

    private static void verify(String bundleJson, ProvenancePolicy policy, boolean required) throws Exception {
        Path bundle =
                Files.writeString(Files.createTempFile(dir, "b", ".sigstore.json"), bundleJson, StandardCharsets.UTF_8);
        ArtifactAndBundle.of(artifact.toString(), bundle).verify(new KeyVerifier(key.publicKey()), policy, required);
    }

    private static void verifyAs(String bundleJson, String artifactContent) throws Exception {
        Path other = Files.writeString(Files.createTempFile(dir, "a", ".jar"), artifactContent, StandardCharsets.UTF_8);
        Path bundle =
                Files.writeString(Files.createTempFile(dir, "b", ".sigstore.json"), bundleJson, StandardCharsets.UTF_8);
        ArtifactAndBundle.of(other.toString(), bundle)
                .verify(new KeyVerifier(key.publicKey()), ProvenancePolicy.ANY, false);
    }

    private static void verifyFile(Path bundle) throws Exception {
        ArtifactAndBundle.of(artifact.toString(), bundle)
                .verify(new KeyVerifier(key.publicKey()), ProvenancePolicy.ANY, false);
    }

    /** The row stored in a real SQLite store, then loaded as a build would. */
    private static void model(byte[] row) throws Exception {
        HostileModels.load(Files.createTempDirectory(dir, "store"), row);
    }

    // --- inputs

    private static String blob() throws IOException {
        return bundle(signer.signArtifact(artifact));
    }

    private static String bundle(dev.ard.core.attest.model.SigstoreBundle b) {
        return text(BundleJson.write(b));
    }

    private static String provenance(String builderId, String source) {
        return bundle(signer.signDsse(Statement.PAYLOAD_TYPE, statementJson(builderId, source)));
    }

    /** The realistic sample statement with this builder id and, when given, this source repository. */
    private static byte[] statementJson(String builderId, String source) {
        Statement s = Statements.sample(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"));
        Provenance p = s.predicate();
        List<ResourceDescriptor> deps = new ArrayList<>(p.buildDefinition().resolvedDependencies());
        if (source != null) {
            ResourceDescriptor d = deps.get(0);
            deps.set(
                    0,
                    new ResourceDescriptor(
                            d.name(), source, d.digest(), d.downloadLocation(), d.mediaType(), d.annotations()));
        }
        Provenance changed = new Provenance(
                new Provenance.BuildDefinition(
                        p.buildDefinition().buildType(),
                        p.buildDefinition().externalParameters(),
                        p.buildDefinition().internalParameters(),
                        deps),
                new Provenance.RunDetails(
                        new Provenance.Builder(
                                builderId, p.runDetails().builder().version(), null),
                        p.runDetails().metadata(),
                        p.runDetails().byproducts()));
        return ProvenanceJson.write(Statement.of(s.subject(), changed));
    }

    private static byte[] dsseJson(String bundleJson) throws IOException {
        return JSON.writeValueAsBytes(JSON.readTree(bundleJson).get("dsseEnvelope"));
    }

    private static String edit(String bundleJson, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(bundleJson);
        change.accept(tree);
        return JSON.writeValueAsString(tree);
    }

    /** Flips one bit of a base64 field, or of the first signature's {@code sig} for a DSSE envelope's signature. */
    private static void flipBase64(ObjectNode node, String field) {
        byte[] bytes = Base64.getDecoder().decode(node.get(field).asText());
        bytes[bytes.length / 2] ^= 1;
        node.put(field, Base64.getEncoder().encodeToString(bytes));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Path sparse(long size) throws IOException {
        Path p = Files.createTempFile(dir, "big", ".sigstore.json");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private static Path link(String target) throws IOException {
        assumeTrue(Files.exists(Path.of(target)), target + " does not exist on this system");
        Path p = dir.resolve("link-" + System.nanoTime() + ".sigstore.json");
        return Files.createSymbolicLink(p, Path.of(target));
    }

    private static Path fifo() throws Exception {
        return Fifo.create(dir.resolve("fifo-" + System.nanoTime() + ".sigstore.json"));
    }
}
