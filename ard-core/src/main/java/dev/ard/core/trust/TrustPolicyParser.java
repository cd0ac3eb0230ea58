package dev.ard.core.trust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.sign.PublicKeys;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code .mvn/ard-trust.json} strictly: unknown or duplicate fields, a wrong type, an empty pattern list, a
 * signer with both or neither of {@code identity} and {@code identityRegex}, a bad regular expression or an unreadable
 * key are each a {@link TrustPolicyException} naming the file and the line. The format is in
 * {@code docs/dependency-verification.md}:
 *
 * <pre>{@code
 * { "missingSignature": "warn",
 *   "rules": [ { "artifacts": ["dev.sigstore:*"], "missingSignature": "fail",
 *                "signers": [ { "issuer": "https://github.com/login/oauth", "identityRegex": "https://github\\.com/sigstore/sigstore-java/.*" } ] },
 *              { "artifacts": ["org.example:lib"], "signers": [ { "publicKey": "keys/example.pem" } ] } ] }
 * }</pre>
 *
 * Key paths are relative to the policy file's directory.
 */
public final class TrustPolicyParser {
    /** A policy is a few KiB; the bound keeps a hostile file from costing memory. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER;

    static {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(16).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER = new ObjectMapper(factory);
    }

    private TrustPolicyParser() {}

    /** The policy in {@code file}, or {@link TrustPolicy#NONE} when the file does not exist. */
    public static TrustPolicy read(Path file) throws TrustPolicyException {
        if (!Files.exists(file)) {
            return TrustPolicy.NONE;
        }
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_BYTES, "trust policy");
        } catch (IOException e) {
            throw new TrustPolicyException(BoundedFiles.reason(e));
        }
        return parse(bytes, file);
    }

    static TrustPolicy parse(byte[] bytes, Path file) throws TrustPolicyException {
        String name = file.toString();
        MessageDigest digest = sha256();
        digest.update(bytes);
        MissingSignature missingDefault = MissingSignature.WARN;
        List<TrustRule> rules = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(name, line(p), "the policy must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int line = line(p);
                p.nextToken();
                switch (field) {
                    case "$schema" -> p.skipChildren();
                    case "version" -> {
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            throw error(name, line, "version must be 1");
                        }
                    }
                    case "missingSignature" -> missingDefault = missing(name, line, MAPPER.readTree(p));
                    case "rules" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw error(name, line, "rules must be an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            int ruleLine = line(p);
                            rules.add(rule(name, ruleLine, MAPPER.readTree(p), file, digest));
                        }
                    }
                    default ->
                        throw error(
                                name,
                                line,
                                "unknown field " + UntrustedText.quote(field)
                                        + " (expected $schema, version, missingSignature, rules)");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw error(name, line(p), "unexpected content after the policy object");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw error(name, line, "not valid JSON (" + UntrustedText.line(e.getOriginalMessage(), 200) + ")");
        } catch (IOException e) {
            throw new TrustPolicyException(name + ": " + e.getClass().getSimpleName());
        }
        return new TrustPolicy(rules, missingDefault, name, HexFormat.of().formatHex(digest.digest()));
    }

    private static TrustRule rule(String name, int line, JsonNode node, Path file, MessageDigest digest)
            throws TrustPolicyException {
        if (!node.isObject()) {
            throw error(name, line, "a rule must be an object");
        }
        only(name, line, node, Set.of("artifacts", "signers", "missingSignature", "comment"), "rule");
        JsonNode artifacts = node.get("artifacts");
        if (artifacts == null || !artifacts.isArray() || artifacts.isEmpty()) {
            throw error(name, line, "a rule needs \"artifacts\": a non-empty list of groupId:artifactId[:version]");
        }
        List<CoordinatePattern> patterns = new ArrayList<>();
        for (JsonNode a : artifacts) {
            if (!a.isTextual()) {
                throw error(name, line, "artifacts must be strings");
            }
            try {
                patterns.add(CoordinatePattern.parse(a.asText()));
            } catch (IllegalArgumentException e) {
                throw error(name, line, UntrustedText.line(e.getMessage(), 200));
            }
        }
        List<SignerRule> signers = new ArrayList<>();
        JsonNode list = node.get("signers");
        if (list != null) {
            if (!list.isArray()) {
                throw error(name, line, "signers must be a list");
            }
            for (JsonNode s : list) {
                signers.add(signer(name, line, s, file, digest));
            }
        }
        Optional<MissingSignature> missing = node.has("missingSignature")
                ? Optional.of(missing(name, line, node.get("missingSignature")))
                : Optional.empty();
        return new TrustRule(patterns, signers, missing, line);
    }

    private static SignerRule signer(String name, int line, JsonNode s, Path file, MessageDigest digest)
            throws TrustPolicyException {
        if (!s.isObject()) {
            throw error(name, line, "a signer must be an object");
        }
        only(name, line, s, Set.of("issuer", "identity", "identityRegex", "publicKey"), "signer");
        if (s.has("publicKey")) {
            if (s.size() != 1) {
                throw error(name, line, "a publicKey signer has no issuer or identity");
            }
            Path pem = file.toAbsolutePath().getParent().resolve(text(name, line, s, "publicKey"));
            try {
                byte[] bytes = BoundedFiles.read(pem, 64 * 1024, "public key");
                digest.update(bytes);
                return SignerRule.Key.of(PublicKeys.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw error(
                        name,
                        line,
                        "cannot read the public key " + pem + ": " + UntrustedText.line(e.getMessage(), 200));
            }
        }
        String issuer = text(name, line, s, "issuer");
        if (s.has("identity") == s.has("identityRegex")) {
            throw error(name, line, "a keyless signer needs exactly one of identity and identityRegex");
        }
        if (s.has("identity")) {
            return new SignerRule.Identity(issuer, text(name, line, s, "identity"));
        }
        try {
            return new SignerRule.IdentityRegex(issuer, Pattern.compile(text(name, line, s, "identityRegex")));
        } catch (PatternSyntaxException e) {
            throw error(name, line, "identityRegex is not a valid regular expression");
        }
    }

    private static MissingSignature missing(String name, int line, JsonNode value) throws TrustPolicyException {
        try {
            return MissingSignature.parse(value.isTextual() ? value.asText() : value.toString());
        } catch (IllegalArgumentException e) {
            throw error(name, line, UntrustedText.line(e.getMessage(), 200));
        }
    }

    private static String text(String name, int line, JsonNode node, String field) throws TrustPolicyException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw error(name, line, field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static void only(String name, int line, JsonNode node, Set<String> allowed, String what)
            throws TrustPolicyException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error(
                        name,
                        line,
                        "unknown " + what + " field " + UntrustedText.quote(f) + " (expected "
                                + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static TrustPolicyException error(String name, int line, String message) {
        return new TrustPolicyException(name + (line > 0 ? ":" + line : "") + ": " + message);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
