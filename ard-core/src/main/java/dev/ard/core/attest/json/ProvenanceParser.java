package dev.ard.core.attest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Violation;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads provenance back: a bare in-toto statement, a DSSE envelope
 * ({@code {"payloadType", "payload", "signatures"}}) or a Sigstore bundle carrying one
 * ({@code {"mediaType", "verificationMaterial", "dsseEnvelope"}}), and checks the statement's shape
 * ({@link StatementValidator}). Signatures are not verified here.
 *
 * <p>Input from a downloaded artifact is untrusted, so: at most {@value #MAX_BYTES} bytes, nesting at
 * most {@value #MAX_DEPTH} deep, duplicate object keys rejected (two parsers choosing different
 * duplicates is a classic way to make a verifier and a consumer disagree), and every error a
 * one-line {@link ProvenanceFormatException} that quotes at most a short, sanitised token of the input.
 */
public final class ProvenanceParser {
    /** 32 MiB: ten times the largest real provenance seen (a few hundred KiB with thousands of dependencies). */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER;

    static {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER = new ObjectMapper(factory);
    }

    private ProvenanceParser() {}

    /** Parses the file ({@link #parse(byte[])}); a missing, unreadable or oversized file is a format exception naming it. */
    public static ParsedStatement parse(Path file) throws ProvenanceFormatException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProvenanceFormatException(
                        file + ": " + size + " bytes, more than the " + MAX_BYTES + " a statement may have");
            }
            return parse(BoundedFiles.read(file, MAX_BYTES, "statement"));
        } catch (ProvenanceFormatException e) {
            throw e.getMessage().startsWith(file.toString())
                    ? e
                    : new ProvenanceFormatException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ProvenanceFormatException(file + ": cannot read (" + BoundedFiles.reason(e) + ")");
        }
    }

    /** Parses UTF-8 JSON: a statement, a DSSE envelope or a Sigstore bundle with a DSSE envelope. */
    public static ParsedStatement parse(byte[] json) throws ProvenanceFormatException {
        if (json.length > MAX_BYTES) {
            throw new ProvenanceFormatException(
                    json.length + " bytes, more than the " + MAX_BYTES + " a statement may have");
        }
        JsonNode root = tree(json, "document");
        if (!root.isObject()) {
            throw new ProvenanceFormatException("not a JSON object");
        }
        if (root.has("dsseEnvelope")) {
            JsonNode envelope = root.get("dsseEnvelope");
            if (!envelope.isObject()) {
                throw new ProvenanceFormatException("dsseEnvelope is not an object");
            }
            return fromEnvelope(envelope, "sigstore-bundle");
        }
        if (root.has("payloadType") || root.has("payload")) {
            return fromEnvelope(root, "dsse");
        }
        return StatementValidator.read(MAPPER, root, "statement");
    }

    /**
     * Parses a signed DSSE payload: a bare in-toto statement and nothing else. A payload that is itself an
     * envelope or a bundle is refused, so what the signature covers and what a policy reads cannot be two
     * different statements.
     *
     * @throws ProvenanceFormatException not JSON, too large or deep, duplicate keys, or an envelope/bundle
     */
    public static ParsedStatement parseStatement(byte[] payload) throws ProvenanceFormatException {
        return bareStatement(payload, "statement", "statement");
    }

    private static ParsedStatement bareStatement(byte[] payload, String what, String kind)
            throws ProvenanceFormatException {
        if (payload.length > MAX_BYTES) {
            throw new ProvenanceFormatException(
                    payload.length + " bytes, more than the " + MAX_BYTES + " a statement may have");
        }
        JsonNode root = tree(payload, what);
        if (!root.isObject()) {
            throw new ProvenanceFormatException(what + " is not a JSON object");
        }
        for (String envelopeField : ENVELOPE_FIELDS) {
            if (root.has(envelopeField)) {
                throw new ProvenanceFormatException("the payload is an envelope or a bundle (it has '" + envelopeField
                        + "'), not a bare in-toto statement");
            }
        }
        return StatementValidator.read(MAPPER, root, kind);
    }

    /** Fields of a DSSE envelope or a Sigstore bundle, none of which an in-toto statement has. */
    private static final List<String> ENVELOPE_FIELDS =
            List.of("payloadType", "payload", "signatures", "dsseEnvelope", "mediaType", "verificationMaterial");

    private static ParsedStatement fromEnvelope(JsonNode envelope, String kind) throws ProvenanceFormatException {
        JsonNode payload = envelope.get("payload");
        if (payload == null || !payload.isTextual() || payload.asText().isEmpty()) {
            throw new ProvenanceFormatException("the DSSE envelope has no payload");
        }
        byte[] bytes = base64(payload.asText());
        ParsedStatement parsed = bareStatement(bytes, "DSSE payload", kind);
        JsonNode type = envelope.get("payloadType");
        if (type == null || !Statement.PAYLOAD_TYPE.equals(type.asText())) {
            List<Violation> violations = new ArrayList<>(parsed.violations());
            violations.add(0, new Violation("payloadType", "must be " + Statement.PAYLOAD_TYPE));
            return new ParsedStatement(parsed.statement(), kind, violations);
        }
        return parsed;
    }

    /** DSSE allows standard and URL-safe base64, with or without padding. */
    private static byte[] base64(String text) throws ProvenanceFormatException {
        String s = text.strip();
        try {
            return s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s)
                    : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new ProvenanceFormatException("the DSSE payload is not base64");
        }
    }

    private static JsonNode tree(byte[] json, String what) throws ProvenanceFormatException {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ProvenanceFormatException(what + " is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new ProvenanceFormatException(
                    what + " exceeds a parser limit (nesting deeper than " + MAX_DEPTH + " or a value too long)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProvenanceFormatException(
                    what + " is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ProvenanceFormatException(
                    what + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Jackson's own message without its source excerpt: the first line, escaped and capped by {@link UntrustedText}
     * (it quotes the input: a hostile document must not write terminal escapes or log lines into the build log).
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        return UntrustedText.line(message.lines().findFirst().orElse("syntax error"), 120);
    }
}
