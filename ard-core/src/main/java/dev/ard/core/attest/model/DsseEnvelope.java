package dev.ard.core.attest.model;

import dev.ard.core.io.UntrustedText;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope. Immutable: byte arrays are copied in and out.
 *
 * @param payloadType e.g. {@value Statement#PAYLOAD_TYPE}
 * @param payload     the signed bytes (not base64)
 * @param signatures  at least one for a signed envelope; Sigstore bundles carry exactly one
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {

    public DsseEnvelope {
        payload = payload.clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes the signatures cover ({@link Pae}). */
    public byte[] pae() {
        return Pae.encode(payloadType, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DsseEnvelope e
                && payloadType.equals(e.payloadType)
                && Arrays.equals(payload, e.payload)
                && signatures.equals(e.signatures);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * payloadType.hashCode() + Arrays.hashCode(payload)) + signatures.hashCode();
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + UntrustedText.clean(payloadType) + ", " + payload.length + " bytes, "
                + signatures.size() + " signature(s)]";
    }

    /**
     * One DSSE signature.
     *
     * @param keyid optional key hint ({@code ""} when absent)
     * @param sig   the raw signature bytes (ASN.1 DER for ECDSA)
     */
    public record Signature(String keyid, byte[] sig) {
        public Signature {
            keyid = keyid == null ? "" : keyid;
            sig = sig.clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && keyid.equals(s.keyid) && Arrays.equals(sig, s.sig);
        }

        @Override
        public int hashCode() {
            return 31 * keyid.hashCode() + Arrays.hashCode(sig);
        }

        @Override
        public String toString() {
            return "Signature[keyid=" + UntrustedText.clean(keyid) + ", "
                    + Base64.getEncoder().encodeToString(sig) + "]";
        }
    }
}
