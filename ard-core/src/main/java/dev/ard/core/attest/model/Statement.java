package dev.ard.core.attest.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An in-toto attestation Statement whose predicate is SLSA provenance v1.
 *
 * @param type          {@value #TYPE_V1} (ARD writes only v1; the parser also accepts {@value #TYPE_V01})
 * @param subject       the artifacts the statement is about, each with digests
 * @param predicateType {@value #SLSA_PROVENANCE_V1}
 * @param predicate     the provenance, or {@code null} when a parsed statement carries another predicate
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_type", "subject", "predicateType", "predicate"})
public record Statement(
        @JsonProperty("_type") String type,
        List<ResourceDescriptor> subject,
        String predicateType,
        Provenance predicate) {

    public static final String TYPE_V1 = "https://in-toto.io/Statement/v1";
    /** The pre-v1 type, still written by slsa-github-generator's builders. */
    public static final String TYPE_V01 = "https://in-toto.io/Statement/v0.1";

    public static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
    /** DSSE payloadType of an in-toto statement. */
    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

    public Statement {
        subject = subject == null ? List.of() : List.copyOf(subject);
    }

    /** A v1 statement of SLSA provenance v1 about {@code subject}. */
    public static Statement of(List<ResourceDescriptor> subject, Provenance predicate) {
        return new Statement(TYPE_V1, subject, SLSA_PROVENANCE_V1, predicate);
    }

    /** The subject with this name, or {@code null}. */
    @JsonIgnore
    public ResourceDescriptor subjectNamed(String name) {
        return subject.stream().filter(s -> name.equals(s.name())).findFirst().orElse(null);
    }
}
