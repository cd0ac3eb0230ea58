package dev.ard.maven.plugin.sigstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Checks that a transparency-log entry's body records what the bundle carries — the same signature, the same signer
 * (public key or certificate) and the same artifact digest (message signature) or DSSE payload — so that a valid
 * entry logged for something else cannot be attached to a bundle. A valid SET or inclusion proof only shows that
 * the body was logged; this is what ties the body to the bundle.
 *
 * <p>ARD's own code for the cases sigstore-java 2.0.0 does not handle: entries of key-signed bundles (its bundle
 * reader refuses public keys) and Rekor {@code intoto} 0.0.2 entries of DSSE bundles (it reads only {@code dsse}).
 * The entry's {@code kind} and {@code apiVersion} are read from the body, which the log signed, not from the bundle's
 * unsigned {@code kindVersion}.
 */
final class LogEntryBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What the bundle signed.
     *
     * @param signature   the raw signature bytes
     * @param signerDer   DER of the signer: the public key's SubjectPublicKeyInfo or the leaf certificate
     * @param certificate whether {@code signerDer} is a certificate
     * @param digest      the artifact's SHA-256 (message signature), else {@code null}
     * @param payload     the DSSE payload, else {@code null}
     * @param payloadType the DSSE payload type, else {@code null}
     */
    record Signed(
            byte[] signature,
            byte[] signerDer,
            boolean certificate,
            byte[] digest,
            byte[] payload,
            String payloadType) {
        Signed {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(signerDer, "signerDer");
            if ((digest == null) == (payload == null)) {
                throw new IllegalArgumentException("either a digest or a DSSE payload");
            }
        }
    }

    private LogEntryBody() {}

    /** @param canonicalizedBody the entry's body as logged (already base64-decoded) */
    static void check(byte[] canonicalizedBody, Signed signed) throws VerificationException {
        JsonNode body;
        try {
            body = MAPPER.readTree(canonicalizedBody);
        } catch (IOException e) {
            throw mismatch("its body is not JSON");
        }
        String kind =
                body.path("kind").asText("") + " " + body.path("apiVersion").asText("");
        JsonNode spec = body.path("spec");
        switch (kind) {
            case "hashedrekord 0.0.1" -> hashedRekord(spec, signed);
            case "dsse 0.0.1" -> dsse(spec, signed);
            case "intoto 0.0.2" -> intoto(spec.path("content"), signed);
            default ->
                throw new VerificationException("the transparency log entry is of kind " + UntrustedText.quote(kind)
                        + ", which ARD does not check for this bundle");
        }
    }

    private static void hashedRekord(JsonNode spec, Signed signed) throws VerificationException {
        if (signed.digest() == null) {
            throw mismatch("it records a message signature (hashedrekord) but the bundle is a DSSE envelope");
        }
        requireSha256(spec.path("data").path("hash"), HexFormat.of().formatHex(signed.digest()), "artifact digest");
        requireSignature(spec.path("signature").path("content").asText(""), signed.signature(), false);
        requireSigner(spec.path("signature").path("publicKey").path("content").asText(""), signed);
    }

    private static void dsse(JsonNode spec, Signed signed) throws VerificationException {
        requireDsse(signed, "dsse");
        requireSha256(spec.path("payloadHash"), Digests.sha256(signed.payload()), "DSSE payload digest");
        JsonNode signature = onlySignature(spec.path("signatures"));
        requireSignature(signature.path("signature").asText(""), signed.signature(), false);
        requireSigner(signature.path("verifier").asText(""), signed);
    }

    /** Rekor stores an intoto 0.0.2 envelope's signature and payload base64-encoded twice. */
    private static void intoto(JsonNode content, Signed signed) throws VerificationException {
        requireDsse(signed, "intoto");
        requireSha256(content.path("payloadHash"), Digests.sha256(signed.payload()), "DSSE payload digest");
        JsonNode envelope = content.path("envelope");
        if (!signed.payloadType().equals(envelope.path("payloadType").asText(""))) {
            throw mismatch("its payloadType differs from the envelope's");
        }
        JsonNode payload = envelope.path("payload");
        if (!payload.isMissingNode()
                && !MessageDigest.isEqual(
                        decode(payload.asText(""), "payload"),
                        Base64.getEncoder().encode(signed.payload()))) {
            throw mismatch("its payload differs from the envelope's");
        }
        JsonNode signature = onlySignature(envelope.path("signatures"));
        requireSignature(signature.path("sig").asText(""), signed.signature(), true);
        requireSigner(signature.path("publicKey").asText(""), signed);
    }

    private static JsonNode onlySignature(JsonNode signatures) throws VerificationException {
        if (signatures.size() != 1) {
            throw mismatch("it records " + signatures.size() + " signatures; a bundle has exactly one");
        }
        return signatures.get(0);
    }

    private static void requireDsse(Signed signed, String kind) throws VerificationException {
        if (signed.payload() == null) {
            throw mismatch("it records a DSSE envelope (" + kind + ") but the bundle is a message signature");
        }
    }

    /** @param expectedHex lowercase hex, as {@link Digests} and Rekor write it */
    private static void requireSha256(JsonNode hash, String expectedHex, String what) throws VerificationException {
        if (!"sha256".equals(hash.path("algorithm").asText(""))) {
            throw mismatch("its " + what + " is not a sha256");
        }
        String value = hash.path("value").asText("");
        if (!value.equals(expectedHex)) {
            throw mismatch("it records " + what + " sha256:" + UntrustedText.clean(value) + ", the bundle has sha256:"
                    + expectedHex);
        }
    }

    private static void requireSignature(String base64, byte[] expected, boolean twice) throws VerificationException {
        byte[] logged = decode(base64, "signature");
        if (!MessageDigest.isEqual(logged, twice ? Base64.getEncoder().encode(expected) : expected)) {
            throw mismatch("it records another signature");
        }
    }

    private static void requireSigner(String base64Pem, Signed signed) throws VerificationException {
        String pem = new String(decode(base64Pem, "signer"), StandardCharsets.US_ASCII);
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException e) {
            throw mismatch("its signer is not PEM");
        }
        String expected = signed.certificate() ? "CERTIFICATE" : "PUBLIC KEY";
        if (object == null || !expected.equals(object.getType())) {
            throw mismatch("its signer is not a " + expected.toLowerCase(Locale.ROOT) + " like the bundle's");
        }
        if (!MessageDigest.isEqual(object.getContent(), signed.signerDer())) {
            throw mismatch("it records another signer (" + expected.toLowerCase(Locale.ROOT) + ")");
        }
    }

    private static byte[] decode(String base64, String what) throws VerificationException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw mismatch("its " + what + " is not base64");
        }
    }

    private static VerificationException mismatch(String reason) {
        return new VerificationException("the transparency log entry does not match the bundle: " + reason);
    }
}
