package dev.ard.core.attest.verify;

import dev.ard.core.attest.model.ArtifactDigest;
import java.util.List;

/**
 * What a bundle verified as.
 *
 * @param kind     a blob signature or a DSSE envelope
 * @param signer   the verifying key's hint, or for keyless bundles the certificate identity
 * @param artifact the artifact digest that matched
 * @param payload  the signed DSSE payload, or {@code null} for a blob signature
 * @param subjects the statement's subject names (DSSE), else empty
 */
public record VerifiedBundle(Kind kind, String signer, ArtifactDigest artifact, byte[] payload, List<String> subjects) {
    public enum Kind {
        MESSAGE_SIGNATURE,
        DSSE
    }

    public VerifiedBundle {
        payload = payload == null ? null : payload.clone();
        subjects = List.copyOf(subjects);
    }

    @Override
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedBundle v
                && kind == v.kind
                && signer.equals(v.signer)
                && artifact.equals(v.artifact)
                && java.util.Arrays.equals(payload, v.payload)
                && subjects.equals(v.subjects);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, signer, artifact, java.util.Arrays.hashCode(payload), subjects);
    }

    @Override
    public String toString() {
        return "VerifiedBundle[" + kind + ", " + signer + ", " + artifact + ", subjects=" + subjects + "]";
    }
}
