package dev.ard.core.attest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.model.DsseEnvelope;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sigstore bundle JSON (the protobuf-specs JSON mapping, camelCase) to and from {@link SigstoreBundle}.
 *
 * <p>A bundle arrives next to a downloaded artifact, so reading is defensive: at most
 * {@value #MAX_BYTES} bytes, nesting at most 32 deep, duplicate keys rejected (two readers picking
 * different duplicates is how a verifier and a consumer come to disagree), the media type checked
 * before anything else, and error messages that never echo the input.
 */
public final class BundleJson {
    /** 16 MiB: a bundle with a large provenance is a few hundred KiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** How Jackson's strict duplicate detection starts its message; the key follows in quotes. */
    private static final String DUPLICATE = "Duplicate field '";

    private static final ObjectMapper MAPPER;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    static {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER = new ObjectMapper(factory);
    }

    private BundleJson() {}

    /** The bundle as compact UTF-8 JSON with a final newline; field order fixed so equal bundles give equal bytes. */
    public static byte[] write(SigstoreBundle bundle) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("mediaType", bundle.mediaType());
        ObjectNode material = root.putObject("verificationMaterial");
        if (bundle.publicKeyHint() != null) {
            material.putObject("publicKey").put("hint", bundle.publicKeyHint());
        } else {
            ArrayNode chain = material.putObject("x509CertificateChain").putArray("certificates");
            for (byte[] der : bundle.certificates()) {
                chain.addObject().put("rawBytes", B64.encodeToString(der));
            }
        }
        // Key mode has no transparency log or timestamp: the empty lists keep the v0.3 shape every client expects.
        material.putArray("tlogEntries");
        material.putObject("timestampVerificationData").putArray("rfc3161Timestamps");
        if (bundle.messageSignature() != null) {
            SigstoreBundle.MessageSignature m = bundle.messageSignature();
            ObjectNode ms = root.putObject("messageSignature");
            ms.putObject("messageDigest")
                    .put("algorithm", m.digestAlgorithm())
                    .put("digest", B64.encodeToString(m.digest()));
            ms.put("signature", B64.encodeToString(m.signature()));
        } else {
            DsseEnvelope e = bundle.dsseEnvelope();
            ObjectNode env = root.putObject("dsseEnvelope");
            env.put("payload", B64.encodeToString(e.payload()));
            env.put("payloadType", e.payloadType());
            ArrayNode sigs = env.putArray("signatures");
            for (DsseEnvelope.Signature s : e.signatures()) {
                ObjectNode sig = sigs.addObject().put("sig", B64.encodeToString(s.sig()));
                if (!s.keyid().isEmpty()) {
                    sig.put("keyid", s.keyid());
                }
            }
        }
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a bundle tree", e);
        }
    }

    /** Reads a bundle file; a missing, unreadable or oversized file is a {@link BundleFormatException} naming it. */
    public static SigstoreBundle read(Path file) throws BundleFormatException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_BYTES, "bundle");
        } catch (IOException e) {
            // BoundedFiles' messages name the file and the reason; others (AccessDeniedException, …) name the class
            throw new BundleFormatException(
                    e.getClass() == IOException.class
                            ? e.getMessage()
                            : file.getFileName() + ": cannot read the bundle (" + BoundedFiles.reason(e) + ")");
        }
        return read(bytes);
    }

    /** Reads bundle JSON. */
    public static SigstoreBundle read(byte[] json) throws BundleFormatException {
        if (json.length > MAX_BYTES) {
            throw new BundleFormatException(
                    "the bundle is " + json.length + " bytes, more than the " + MAX_BYTES + " a bundle may have");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new BundleFormatException(
                    "the bundle exceeds a parser limit (nesting deeper than 32 or a value too long)");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (message.startsWith(DUPLICATE) && message.endsWith("'")) {
                String key = message.substring(DUPLICATE.length(), message.length() - 1);
                throw new BundleFormatException("the bundle has a duplicate key " + UntrustedText.quote(key) + where
                        + " (refused: two readers could pick different values)");
            }
            throw new BundleFormatException("the bundle is not valid JSON" + where);
        } catch (IOException e) {
            throw new BundleFormatException(
                    "the bundle cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BundleFormatException("the bundle is not a JSON object");
        }
        String mediaType = text(root, "mediaType");
        if (mediaType == null) {
            throw new BundleFormatException("the bundle has no mediaType");
        }
        if (!SigstoreBundle.KNOWN_MEDIA_TYPES.contains(mediaType)) {
            throw new BundleFormatException("unknown bundle media type " + UntrustedText.quote(mediaType)
                    + " (expected " + SigstoreBundle.MEDIA_TYPE_V03 + " or an earlier Sigstore bundle version)");
        }
        JsonNode material = object(root, "verificationMaterial");
        String hint = null;
        List<byte[]> certs = new ArrayList<>();
        if (material.has("publicKey")) {
            hint = text(object(material, "publicKey"), "hint");
            hint = hint == null ? "" : hint;
        } else if (material.has("x509CertificateChain")) {
            JsonNode list = object(material, "x509CertificateChain").get("certificates");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new BundleFormatException("the bundle's certificate chain is empty");
            }
            for (JsonNode c : list) {
                certs.add(base64(c.get("rawBytes"), "certificate"));
            }
        } else if (material.has("certificate")) {
            certs.add(base64(object(material, "certificate").get("rawBytes"), "certificate"));
        } else {
            throw new BundleFormatException("the bundle names neither a public key nor a certificate");
        }
        boolean hasMessage = root.has("messageSignature");
        boolean hasDsse = root.has("dsseEnvelope");
        if (hasMessage == hasDsse) {
            throw new BundleFormatException("the bundle must hold exactly one of messageSignature and dsseEnvelope");
        }
        if (hasMessage) {
            JsonNode ms = object(root, "messageSignature");
            JsonNode md = ms.get("messageDigest");
            String algorithm = md == null ? SigstoreBundle.MessageSignature.SHA2_256 : text(md, "algorithm");
            byte[] digest = md == null ? new byte[0] : base64(md.get("digest"), "message digest");
            SigstoreBundle.MessageSignature m = new SigstoreBundle.MessageSignature(
                    algorithm == null ? "" : algorithm, digest, base64(ms.get("signature"), "signature"));
            return new SigstoreBundle(mediaType, hint, certs, m, null);
        }
        JsonNode env = object(root, "dsseEnvelope");
        String payloadType = text(env, "payloadType");
        if (payloadType == null) {
            throw new BundleFormatException("the DSSE envelope has no payloadType");
        }
        byte[] payload = base64(env.get("payload"), "DSSE payload");
        JsonNode sigs = env.get("signatures");
        if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
            throw new BundleFormatException("the DSSE envelope has no signatures");
        }
        List<DsseEnvelope.Signature> signatures = new ArrayList<>();
        for (JsonNode s : sigs) {
            signatures.add(new DsseEnvelope.Signature(text(s, "keyid"), base64(s.get("sig"), "DSSE signature")));
        }
        return new SigstoreBundle(mediaType, hint, certs, null, new DsseEnvelope(payloadType, payload, signatures));
    }

    private static JsonNode object(JsonNode parent, String field) throws BundleFormatException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new BundleFormatException("the bundle's " + field + " is missing or not an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static byte[] base64(JsonNode node, String what) throws BundleFormatException {
        if (node == null || !node.isTextual()) {
            throw new BundleFormatException("the bundle's " + what + " is missing");
        }
        String s = node.asText().strip();
        try {
            return s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s)
                    : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException("the bundle's " + what + " is not base64");
        }
    }
}
