package dev.ard.core.attest.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-toto ResourceDescriptor v1: a subject, a resolved dependency or a byproduct. At least one of
 * {@code uri} or {@code digest} is set by every producer in ARD (the parser in
 * {@code dev.ard.core.attest.json} checks it on read). Maps are copied into sorted, unmodifiable maps so equal descriptors serialise equally.
 *
 * @param name             machine-readable name (ARD: the file name for subjects)
 * @param uri              where the resource is identified (ARD: a purl for Maven artifacts, {@code git+…} for the source)
 * @param digest           algorithm → lowercase hex ({@code sha256}, {@code sha512}, {@code gitCommit}, …)
 * @param downloadLocation where the bytes were fetched from, if different from {@code uri}
 * @param mediaType        MIME type, or {@code null}
 * @param annotations      extra facts (ARD: {@code kind}, {@code scope}, {@code repository}, …)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "uri", "digest", "downloadLocation", "mediaType", "annotations"})
public record ResourceDescriptor(
        String name,
        String uri,
        Map<String, String> digest,
        String downloadLocation,
        String mediaType,
        Map<String, Object> annotations) {

    public ResourceDescriptor {
        digest = sorted(digest);
        annotations = sorted(annotations);
    }

    /** A descriptor with only a name and digests (a subject). */
    public static ResourceDescriptor subject(String name, Map<String, String> digest) {
        return new ResourceDescriptor(name, null, digest, null, null, null);
    }

    public ResourceDescriptor withAnnotations(Map<String, Object> more) {
        Map<String, Object> merged = new TreeMap<>(annotations);
        merged.putAll(more);
        return new ResourceDescriptor(name, uri, digest, downloadLocation, mediaType, merged);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
