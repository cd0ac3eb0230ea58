package dev.ard.core.attest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Violation;
import dev.ard.core.io.UntrustedText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks a statement's JSON tree once, mapping it onto the records and collecting every rule it
 * breaks. The rules follow the in-toto attestation validators (Statement v1, ResourceDescriptor v1)
 * and the SLSA provenance v1 schema:
 * <ul>
 *   <li>{@code _type} is Statement v1 (v0.1 is accepted: slsa-github-generator still writes it);</li>
 *   <li>{@code subject} is a non-empty array; every subject has a non-empty {@code digest};</li>
 *   <li>every ResourceDescriptor has a {@code uri}, a {@code digest} or a {@code content}; digests of
 *       known algorithms are lowercase hex of the right length ({@link DigestRules});</li>
 *   <li>{@code predicateType} and {@code predicate} are present; for SLSA provenance v1:
 *       {@code buildDefinition.buildType}, {@code buildDefinition.externalParameters} (an object),
 *       {@code runDetails.builder.id} are required;</li>
 *   <li>{@code startedOn}/{@code finishedOn} are RFC 3339 date-times, started not after finished.</li>
 * </ul>
 */
final class StatementValidator {
    /** RFC 3339 §5.6 date-time: seconds required, {@code T} separator, offset or {@code Z}. */
    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private final ObjectMapper mapper;
    private final List<Violation> violations = new ArrayList<>();

    private StatementValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ParsedStatement read(ObjectMapper mapper, JsonNode root, String envelope) {
        StatementValidator v = new StatementValidator(mapper);
        Statement statement = v.statement(root);
        return new ParsedStatement(statement, envelope, v.violations);
    }

    private Statement statement(JsonNode root) {
        if (!root.isObject()) {
            fail("$", "a statement must be a JSON object");
            return new Statement(null, List.of(), null, null);
        }
        String type = string(root, "_type", "_type", true);
        if (type != null && !Statement.TYPE_V1.equals(type) && !Statement.TYPE_V01.equals(type)) {
            fail("_type", "must be " + Statement.TYPE_V1);
        }
        List<ResourceDescriptor> subjects = new ArrayList<>();
        JsonNode subject = root.get("subject");
        if (subject == null || !subject.isArray() || subject.isEmpty()) {
            fail("subject", "must be a non-empty array");
        } else {
            for (int i = 0; i < subject.size(); i++) {
                String path = "subject[" + i + "]";
                ResourceDescriptor rd = descriptor(subject.get(i), path);
                if (rd != null) {
                    if (rd.digest().isEmpty()) {
                        fail(path + ".digest", "a subject must have at least one digest");
                    }
                    subjects.add(rd);
                }
            }
        }
        String predicateType = string(root, "predicateType", "predicateType", true);
        JsonNode predicate = root.get("predicate");
        Provenance provenance = null;
        if (predicate == null || predicate.isNull()) {
            fail("predicate", "is required");
        } else if (!predicate.isObject()) {
            fail("predicate", "must be an object");
        } else if (Statement.SLSA_PROVENANCE_V1.equals(predicateType)) {
            provenance = provenance(predicate);
        } else if (predicateType != null) {
            fail("predicateType", "not SLSA provenance v1 (" + Statement.SLSA_PROVENANCE_V1 + ")");
        }
        return new Statement(type, subjects, predicateType, provenance);
    }

    private Provenance provenance(JsonNode predicate) {
        Provenance.BuildDefinition definition = null;
        JsonNode bd = object(predicate, "buildDefinition", "predicate.buildDefinition", true);
        if (bd != null) {
            String buildType = string(bd, "buildType", "predicate.buildDefinition.buildType", true);
            JsonNode external = object(bd, "externalParameters", "predicate.buildDefinition.externalParameters", true);
            JsonNode internal = object(bd, "internalParameters", "predicate.buildDefinition.internalParameters", false);
            List<ResourceDescriptor> deps =
                    descriptors(bd, "resolvedDependencies", "predicate.buildDefinition.resolvedDependencies");
            definition = new Provenance.BuildDefinition(
                    buildType, values(external), internal == null ? null : values(internal), deps);
        }
        Provenance.RunDetails run = null;
        JsonNode rd = object(predicate, "runDetails", "predicate.runDetails", true);
        if (rd != null) {
            Provenance.Builder builder = null;
            JsonNode b = object(rd, "builder", "predicate.runDetails.builder", true);
            if (b != null) {
                String id = string(b, "id", "predicate.runDetails.builder.id", true);
                builder = new Provenance.Builder(
                        id,
                        stringMap(b, "version", "predicate.runDetails.builder.version"),
                        descriptors(b, "builderDependencies", "predicate.runDetails.builder.builderDependencies"));
            }
            Provenance.BuildMetadata metadata = null;
            JsonNode m = object(rd, "metadata", "predicate.runDetails.metadata", false);
            if (m != null) {
                String path = "predicate.runDetails.metadata";
                Instant started = time(m, "startedOn", path + ".startedOn");
                Instant finished = time(m, "finishedOn", path + ".finishedOn");
                if (started != null && finished != null && started.isAfter(finished)) {
                    fail(path, "startedOn is after finishedOn");
                }
                metadata = new Provenance.BuildMetadata(
                        string(m, "invocationId", path + ".invocationId", false), started, finished);
            }
            run = new Provenance.RunDetails(
                    builder, metadata, descriptors(rd, "byproducts", "predicate.runDetails.byproducts"));
        }
        return new Provenance(definition, run);
    }

    private List<ResourceDescriptor> descriptors(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            fail(path, "must be an array");
            return null;
        }
        List<ResourceDescriptor> result = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            ResourceDescriptor d = descriptor(node.get(i), path + "[" + i + "]");
            if (d != null) {
                result.add(d);
            }
        }
        return result;
    }

    private ResourceDescriptor descriptor(JsonNode node, String path) {
        if (!node.isObject()) {
            fail(path, "must be an object");
            return null;
        }
        String name = string(node, "name", path + ".name", false);
        String uri = string(node, "uri", path + ".uri", false);
        Map<String, String> digest = stringMap(node, "digest", path + ".digest");
        digest.forEach((algorithm, value) -> {
            String problem = DigestRules.check(algorithm, value);
            if (problem != null) {
                fail(path + ".digest." + algorithm, problem);
            }
        });
        JsonNode content = node.get("content");
        boolean hasContent =
                content != null && content.isTextual() && !content.asText().isEmpty();
        if ((uri == null || uri.isEmpty()) && digest.isEmpty() && !hasContent) {
            fail(path, "needs at least one of uri, digest or content");
        }
        JsonNode annotations = object(node, "annotations", path + ".annotations", false);
        return new ResourceDescriptor(
                name,
                uri,
                digest,
                string(node, "downloadLocation", path + ".downloadLocation", false),
                string(node, "mediaType", path + ".mediaType", false),
                annotations == null ? null : values(annotations));
    }

    private Instant time(JsonNode parent, String field, String path) {
        String s = string(parent, field, path, false);
        if (s == null) {
            return null;
        }
        if (!RFC3339.matcher(s).matches()) {
            fail(path, "not an RFC 3339 date-time");
            return null;
        }
        try {
            return OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (RuntimeException e) {
            fail(path, "not a valid date-time");
            return null;
        }
    }

    private String string(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                fail(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            fail(path, "must be a string");
            return null;
        }
        if (required && node.asText().isEmpty()) {
            fail(path, "must not be empty");
        }
        return node.asText();
    }

    private JsonNode object(JsonNode parent, String field, String path, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                fail(path, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            fail(path, "must be an object");
            return null;
        }
        return node;
    }

    private Map<String, String> stringMap(JsonNode parent, String field, String path) {
        JsonNode node = object(parent, field, path, false);
        Map<String, String> result = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    result.put(e.getKey(), e.getValue().asText());
                } else {
                    fail(path + "." + e.getKey(), "must be a string");
                }
            });
        }
        return result;
    }

    /** An object's fields as plain Java values (Map, List, String, Number, Boolean, null). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> values(JsonNode node) {
        return node == null ? null : mapper.convertValue(node, Map.class);
    }

    private void fail(String path, String message) {
        // a path holds the input's own keys (digest algorithms, annotation names): made fit for a log line
        violations.add(new Violation(UntrustedText.clean(path), message));
    }
}
