package dev.ard.core.attest.sign;

import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.model.ArtifactDigest;
import dev.ard.core.attest.model.DsseEnvelope;
import dev.ard.core.attest.model.Pae;
import dev.ard.core.attest.model.SigstoreBundle;
import dev.ard.core.attest.model.Statement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Signs in key mode: a blob becomes a v0.3 message-signature bundle, a statement a v0.3 DSSE bundle,
 * both with the signing key's public-key hint and no transparency-log entry (key mode is the offline,
 * air-gapped path; keyless signing goes through sigstore-java in the plugin).
 */
public final class KeySigner {
    private final SigningKey key;

    public KeySigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A message-signature bundle of the file (read once, for its SHA-256). */
    public SigstoreBundle signArtifact(Path file) throws IOException {
        return signDigest(ArtifactDigest.of(file));
    }

    /** A message-signature bundle of an artifact known by its SHA-256. */
    public SigstoreBundle signDigest(ArtifactDigest digest) {
        byte[] raw = digest.bytes();
        return SigstoreBundle.ofMessage(
                key.hint(),
                new SigstoreBundle.MessageSignature(
                        SigstoreBundle.MessageSignature.SHA2_256, raw, key.signDigest(raw)));
    }

    /** A DSSE bundle of {@code payload}; the signature covers {@link Pae#encode}. */
    public SigstoreBundle signDsse(String payloadType, byte[] payload) {
        byte[] sig = key.sign(Pae.encode(payloadType, payload));
        // keyid left empty: the bundle's public-key hint already names the key, and sigstore clients ignore keyid.
        return SigstoreBundle.ofDsse(
                key.hint(), new DsseEnvelope(payloadType, payload, List.of(new DsseEnvelope.Signature("", sig))));
    }

    /** A DSSE bundle of the statement as {@link ProvenanceJson} writes it ({@value Statement#PAYLOAD_TYPE}). */
    public SigstoreBundle signStatement(Statement statement) {
        return signDsse(Statement.PAYLOAD_TYPE, ProvenanceJson.write(statement));
    }

    @Override
    public String toString() {
        return "KeySigner[" + key + "]";
    }
}
