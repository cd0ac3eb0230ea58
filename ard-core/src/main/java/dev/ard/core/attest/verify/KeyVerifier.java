package dev.ard.core.attest.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.attest.json.BundleJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.DsseEnvelope;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.VerificationException;
import dev.ard.core.attest.sign.PublicKeys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a key-signed bundle against an artifact: the signed digest equals the artifact's (blob
 * bundles) or a subject of the signed statement carries it (DSSE bundles), and the signature verifies
 * with the given public key. Each failure is a {@link VerificationException} naming that one reason.
 *
 * <p>ARD's own code because sigstore-java 2.0.0 verifies only certificate (keyless) bundles. Key-mode
 * bundles ARD writes have no transparency-log entry; when a key-signed bundle from elsewhere carries one
 * (cosign with a managed key), its inclusion proof is <b>not</b> checked here — the policy is the key.
 */
public final class KeyVerifier implements BundleVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PublicKey key;
    private final String hint;

    public KeyVerifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.hint = PublicKeys.hint(key);
    }

    /** Reads and verifies bundle JSON ({@link BundleJson#read(byte[])} limits apply). */
    @Override
    public VerifiedBundle verify(byte[] bundleJson, ArtifactDigest artifact) throws VerificationException {
        return verify(BundleJson.read(bundleJson), artifact);
    }

    /** Verifies a parsed bundle. */
    public VerifiedBundle verify(SigstoreBundle bundle, ArtifactDigest artifact) throws VerificationException {
        if (bundle.hasCertificate()) {
            throw new VerificationException(
                    "the bundle is signed with a certificate (keyless), not a key: verify it with a trusted root and an identity");
        }
        if (bundle.messageSignature() != null) {
            SigstoreBundle.MessageSignature m = bundle.messageSignature();
            if (!SigstoreBundle.MessageSignature.SHA2_256.equals(m.digestAlgorithm())) {
                throw new VerificationException(
                        "unsupported message digest algorithm '" + m.digestAlgorithm() + "' (ARD verifies SHA2_256)");
            }
            byte[] signed = m.digest();
            if (!MessageDigest.isEqual(signed, artifact.bytes())) {
                throw new VerificationException("artifact digest mismatch: the bundle signs sha256:"
                        + HexFormat.of().formatHex(signed) + " but the artifact is " + artifact
                        + " (the artifact changed, or the bundle belongs to another file)");
            }
            check("NONEwithECDSA", signed, m.signature(), bundle.publicKeyHint(), "the signature");
            return new VerifiedBundle(VerifiedBundle.Kind.MESSAGE_SIGNATURE, hint, artifact, null, List.of());
        }
        DsseEnvelope envelope = bundle.dsseEnvelope();
        if (envelope.signatures().size() != 1) {
            throw new VerificationException("the DSSE envelope has "
                    + envelope.signatures().size() + " signatures; a Sigstore bundle has exactly one");
        }
        check(
                "SHA256withECDSA",
                envelope.pae(),
                envelope.signatures().get(0).sig(),
                bundle.publicKeyHint(),
                "the DSSE signature");
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new VerificationException(
                    "DSSE payloadType is '" + envelope.payloadType() + "', expected " + Statement.PAYLOAD_TYPE);
        }
        List<String> subjects = subjects(envelope.payload(), artifact);
        return new VerifiedBundle(VerifiedBundle.Kind.DSSE, hint, artifact, envelope.payload(), subjects);
    }

    private void check(String algorithm, byte[] data, byte[] sig, String bundleHint, String what)
            throws VerificationException {
        boolean ok;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(data);
            ok = verifier.verify(sig);
        } catch (SignatureException e) {
            ok = false; // a malformed DER signature is just a signature that does not verify
        } catch (GeneralSecurityException e) {
            throw new VerificationException("cannot verify with a " + key.getAlgorithm() + " key ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!ok) {
            if (bundleHint != null && !bundleHint.isEmpty() && !bundleHint.equals(hint)) {
                throw new VerificationException(
                        "wrong key: the bundle was signed by key " + bundleHint + ", the given key is " + hint);
            }
            throw new VerificationException(what + " does not verify with key " + hint
                    + " (the signed content or the signature was altered, or another key signed it)");
        }
    }

    /** Names of the statement's subjects; fails unless one has the artifact's sha256. */
    private static List<String> subjects(byte[] payload, ArtifactDigest artifact) throws VerificationException {
        JsonNode statement;
        try {
            statement = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new VerificationException("the signed DSSE payload is not JSON");
        }
        JsonNode subject = statement == null ? null : statement.get("subject");
        if (subject == null || !subject.isArray() || subject.isEmpty()) {
            throw new VerificationException("the signed statement has no subject");
        }
        List<String> names = new ArrayList<>();
        boolean found = false;
        for (JsonNode s : subject) {
            names.add(s.path("name").asText(""));
            found |= artifact.sha256()
                    .equalsIgnoreCase(s.path("digest").path("sha256").asText(""));
        }
        if (!found) {
            throw new VerificationException("subject digest mismatch: no subject of the signed statement has "
                    + artifact + " (subjects: " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? ", …" : "") + ")");
        }
        return List.copyOf(names);
    }
}
