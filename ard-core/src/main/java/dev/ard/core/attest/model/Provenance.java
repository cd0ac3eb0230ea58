package dev.ard.core.attest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLSA provenance v1 predicate (https://slsa.dev/spec/v1.0/provenance). Parameter maps hold JSON
 * values (String, Boolean, Number, List, Map); they are copied into sorted maps so two equal builds
 * produce byte-identical JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"buildDefinition", "runDetails"})
public record Provenance(BuildDefinition buildDefinition, RunDetails runDetails) {

    /** What was built, from what, with which parameters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"buildType", "externalParameters", "internalParameters", "resolvedDependencies"})
    public record BuildDefinition(
            String buildType,
            Map<String, Object> externalParameters,
            Map<String, Object> internalParameters,
            List<ResourceDescriptor> resolvedDependencies) {

        public BuildDefinition {
            externalParameters = sorted(externalParameters);
            internalParameters = internalParameters == null ? null : sorted(internalParameters);
            resolvedDependencies = resolvedDependencies == null ? null : List.copyOf(resolvedDependencies);
        }
    }

    /** Who ran the build, when, and what else it produced. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"builder", "metadata", "byproducts"})
    public record RunDetails(Builder builder, BuildMetadata metadata, List<ResourceDescriptor> byproducts) {
        public RunDetails {
            byproducts = byproducts == null ? null : List.copyOf(byproducts);
        }
    }

    /**
     * @param id                  URI of the build platform (ARD: the CI workflow, or a local URI)
     * @param version             component → version of the builder
     * @param builderDependencies the builder's own software, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "version", "builderDependencies"})
    public record Builder(String id, Map<String, String> version, List<ResourceDescriptor> builderDependencies) {
        public Builder {
            version = sorted(version);
            builderDependencies = builderDependencies == null ? List.of() : List.copyOf(builderDependencies);
        }
    }

    /** Times are written in UTC, RFC 3339, millisecond precision at most. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"invocationId", "startedOn", "finishedOn"})
    public record BuildMetadata(String invocationId, Instant startedOn, Instant finishedOn) {}

    static <V> Map<String, V> sorted(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
