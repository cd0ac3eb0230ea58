package dev.ard.core.attest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode valid() throws Exception {
        byte[] json = ProvenanceJson.write(
                Statements.sample(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z")));
        return (ObjectNode) MAPPER.readTree(json);
    }

    /** The violations after {@code edit} is applied to a valid statement. */
    private static java.util.List<String> violationsAfter(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = valid();
        edit.accept(root);
        return ProvenanceParser.parse(MAPPER.writeValueAsBytes(root)).violations().stream()
                .map(Violation::toString)
                .toList();
    }

    private static ObjectNode predicate(ObjectNode root) {
        return (ObjectNode) root.get("predicate");
    }

    @Test
    void statementRules() throws Exception {
        assertThat(violationsAfter(r -> {})).isEmpty();
        assertThat(violationsAfter(r -> r.put("_type", "https://in-toto.io/Statement/v2")))
                .containsExactly("_type: must be https://in-toto.io/Statement/v1");
        assertThat(violationsAfter(r -> r.remove("_type"))).containsExactly("_type: is required");
        assertThat(violationsAfter(r -> r.putArray("subject"))).containsExactly("subject: must be a non-empty array");
        assertThat(violationsAfter(r -> r.put("subject", "x"))).containsExactly("subject: must be a non-empty array");
        assertThat(violationsAfter(r -> ((ObjectNode) r.get("subject").get(0)).remove("digest")))
                .containsExactly(
                        "subject[0]: needs at least one of uri, digest or content",
                        "subject[0].digest: a subject must have at least one digest");
        assertThat(violationsAfter(r -> r.remove("predicateType"))).containsExactly("predicateType: is required");
        assertThat(violationsAfter(r -> r.put("predicateType", "https://slsa.dev/provenance/v0.2")))
                .containsExactly("predicateType: not SLSA provenance v1 (https://slsa.dev/provenance/v1)");
        assertThat(violationsAfter(r -> r.remove("predicate"))).containsExactly("predicate: is required");
        assertThat(violationsAfter(r -> r.put("predicate", 3))).containsExactly("predicate: must be an object");
    }

    @Test
    void digestRules() throws Exception {
        ObjectNode digest = (ObjectNode) valid().get("subject").get(0).get("digest");
        assertThat(digest.size()).isEqualTo(2);
        assertThat(violationsAfter(r -> ((ObjectNode) r.get("subject").get(0).get("digest")).put("sha256", "abc")))
                .containsExactly("subject[0].digest.sha256: length 3, expected 64 hex digits");
        assertThat(violationsAfter(r -> ((ObjectNode) r.get("subject").get(0).get("digest"))
                        .put("sha512", Statements.SHA512.toUpperCase(Locale.ROOT))))
                .containsExactly("subject[0].digest.sha512: not lowercase hex");
        assertThat(violationsAfter(r -> ((ObjectNode) r.get("subject").get(0).get("digest"))
                        .put("sha256", "zz" + Statements.SHA256.substring(2))))
                .containsExactly("subject[0].digest.sha256: not lowercase hex");
        assertThat(violationsAfter(r -> ((ObjectNode) r.get("subject").get(0).get("digest")).put("sha1", 5)))
                .containsExactly("subject[0].digest.sha1: must be a string");
        assertThat(violationsAfter(
                        r -> ((ObjectNode) r.get("subject").get(0).get("digest")).put("blake3", "anything-goes")))
                .as("unknown algorithms are ignored, as consumers must")
                .isEmpty();
        ArrayNode deps = (ArrayNode) predicate(valid()).get("buildDefinition").get("resolvedDependencies");
        assertThat(deps.get(0).get("digest").has("gitCommit")).isTrue();
        assertThat(violationsAfter(r -> ((ObjectNode) predicate(r)
                                .get("buildDefinition")
                                .get("resolvedDependencies")
                                .get(0)
                                .get("digest"))
                        .put("gitCommit", "0123")))
                .containsExactly(
                        "predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit: length 4, expected 40 or 64 hex digits");
        assertThat(violationsAfter(r -> ((ObjectNode) predicate(r)
                                .get("buildDefinition")
                                .get("resolvedDependencies")
                                .get(1))
                        .removeAll()))
                .containsExactly(
                        "predicate.buildDefinition.resolvedDependencies[1]: needs at least one of uri, digest or content");
    }

    @Test
    void provenanceRules() throws Exception {
        assertThat(violationsAfter(r -> ((ObjectNode) predicate(r).get("buildDefinition")).remove("buildType")))
                .containsExactly("predicate.buildDefinition.buildType: is required");
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("buildDefinition")).remove("externalParameters")))
                .containsExactly("predicate.buildDefinition.externalParameters: is required");
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("buildDefinition")).put("resolvedDependencies", "x")))
                .containsExactly("predicate.buildDefinition.resolvedDependencies: must be an array");
        assertThat(violationsAfter(r -> predicate(r).remove("buildDefinition")))
                .containsExactly("predicate.buildDefinition: is required");
        assertThat(violationsAfter(r -> predicate(r).remove("runDetails")))
                .containsExactly("predicate.runDetails: is required");
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("runDetails").get("builder")).remove("id")))
                .containsExactly("predicate.runDetails.builder.id: is required");
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("runDetails").get("builder")).put("id", "")))
                .containsExactly("predicate.runDetails.builder.id: must not be empty");
    }

    @Test
    void timesMustBeRfc3339AndInOrder() throws Exception {
        String path = "predicate.runDetails.metadata";
        for (String bad : new String[] {
            "2026-01-01",
            "2026-01-01 00:00:00Z",
            "2026-01-01T00:00Z",
            "2026-01-01T00:00:00",
            "2026-13-01T00:00:00Z",
            "yesterday"
        }) {
            assertThat(violationsAfter(
                            r -> ((ObjectNode) predicate(r).get("runDetails").get("metadata")).put("startedOn", bad)))
                    .as(bad)
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith(path + ".startedOn: not ");
        }
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("runDetails").get("metadata"))
                                .put("startedOn", "2026-01-01T01:00:00.5+01:00")))
                .as("offsets and fractions are RFC 3339")
                .isEmpty();
        assertThat(violationsAfter(
                        r -> ((ObjectNode) predicate(r).get("runDetails").get("metadata"))
                                .put("startedOn", "2026-01-01T00:02:00Z")))
                .containsExactly(path + ": startedOn is after finishedOn");
    }

    @Test
    void dsseEnvelopeAndSigstoreBundle() throws Exception {
        byte[] statement = MAPPER.writeValueAsBytes(valid());
        ObjectNode envelope = MAPPER.createObjectNode()
                .put("payloadType", Statement.PAYLOAD_TYPE)
                .put("payload", Base64.getEncoder().encodeToString(statement));
        envelope.putArray("signatures").addObject().put("sig", "AAAA").put("keyid", "");
        ParsedStatement dsse = ProvenanceParser.parse(MAPPER.writeValueAsBytes(envelope));
        assertThat(dsse.envelope()).isEqualTo("dsse");
        assertThat(dsse.violations()).isEmpty();
        assertThat(dsse.statement().subject().get(0).name()).isEqualTo("app-1.0.jar");

        ObjectNode bundle = MAPPER.createObjectNode().put("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json");
        bundle.set(
                "dsseEnvelope",
                envelope.deepCopy()
                        .put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(statement)));
        assertThat(ProvenanceParser.parse(MAPPER.writeValueAsBytes(bundle)).envelope())
                .isEqualTo("sigstore-bundle");

        envelope.put("payloadType", "text/plain");
        assertThat(ProvenanceParser.parse(MAPPER.writeValueAsBytes(envelope)).violations())
                .containsExactly(new Violation("payloadType", "must be application/vnd.in-toto+json"));
    }

    @Test
    void hostileOrBrokenInputIsOneClearLine() throws Exception {
        assertFormat("", "document is empty");
        assertFormat("{\"_type\": ", "document is not valid JSON at line 1, column 11");
        assertFormat("[1,2]", "not a JSON object");
        assertFormat("{\"_type\":\"a\",\"_type\":\"b\"}", "Duplicate field '_type'");
        assertFormat("[".repeat(ProvenanceParser.MAX_DEPTH + 1), "exceeds a parser limit");
        assertFormat(
                "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"%%%\"}",
                "the DSSE payload is not base64");
        assertFormat("{\"payloadType\":\"application/vnd.in-toto+json\"}", "the DSSE envelope has no payload");
        assertFormat(
                "{\"payload\":\""
                        + Base64.getEncoder().encodeToString("not json\u001b[31m".getBytes(StandardCharsets.UTF_8))
                        + "\"}",
                "DSSE payload is not valid JSON");
        assertThatThrownBy(() -> ProvenanceParser.parse(new byte[ProvenanceParser.MAX_BYTES + 1]))
                .isInstanceOf(ProvenanceFormatException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void controlCharactersInErrorsAreReplaced() {
        assertThatThrownBy(() -> ProvenanceParser.parse("\u001b[31mboom".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProvenanceFormatException.class)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\n"));
    }

    @Test
    void unreadableFileNamesItself(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ProvenanceParser.parse(missing))
                .isInstanceOf(ProvenanceFormatException.class)
                .hasMessage(missing + ": cannot read (NoSuchFileException)");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{");
        assertThatThrownBy(() -> ProvenanceParser.parse(file))
                .hasMessageStartingWith(file + ": document is not valid JSON");
    }

    private static void assertFormat(String input, String message) {
        assertThatThrownBy(() -> ProvenanceParser.parse(input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProvenanceFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(message).doesNotContain("\n"));
    }
}
