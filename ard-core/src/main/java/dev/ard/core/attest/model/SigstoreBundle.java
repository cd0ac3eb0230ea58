package dev.ard.core.attest.model;

import dev.ard.core.io.UntrustedText;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a Sigstore bundle ARD signs and checks itself: media type, who signed (a public-key hint
 * or a certificate chain) and the content (a message signature or a DSSE envelope; exactly one).
 * Transparency-log entries and timestamps of keyless bundles are verified by sigstore-java, not here.
 *
 * @param mediaType        {@value #MEDIA_TYPE_V03} when ARD writes it
 * @param publicKeyHint    the key hint of a key-signed bundle, or {@code null}
 * @param certificates     DER certificates (leaf first) of a keyless bundle, or empty
 * @param messageSignature the blob signature, or {@code null} when {@code dsseEnvelope} is set
 * @param dsseEnvelope     the DSSE envelope, or {@code null} when {@code messageSignature} is set
 */
public record SigstoreBundle(
        String mediaType,
        String publicKeyHint,
        List<byte[]> certificates,
        MessageSignature messageSignature,
        DsseEnvelope dsseEnvelope) {

    public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";
    /** Every media type a Sigstore client has written; anything else is refused before reading further. */
    public static final List<String> KNOWN_MEDIA_TYPES = List.of(
            "application/vnd.dev.sigstore.bundle+json;version=0.1",
            "application/vnd.dev.sigstore.bundle+json;version=0.2",
            "application/vnd.dev.sigstore.bundle+json;version=0.3",
            MEDIA_TYPE_V03);
    /** The file-name suffix of a bundle next to its artifact (the sigstore-maven-plugin convention). */
    public static final String FILE_SUFFIX = ".sigstore.json";

    public SigstoreBundle {
        Objects.requireNonNull(mediaType, "mediaType");
        certificates = certificates == null
                ? List.of()
                : certificates.stream().map(byte[]::clone).toList();
        if ((messageSignature == null) == (dsseEnvelope == null)) {
            throw new IllegalArgumentException("a bundle has exactly one of messageSignature and dsseEnvelope");
        }
    }

    /** A key-signed v0.3 bundle of a blob. */
    public static SigstoreBundle ofMessage(String keyHint, MessageSignature signature) {
        return new SigstoreBundle(MEDIA_TYPE_V03, keyHint, List.of(), signature, null);
    }

    /** A key-signed v0.3 bundle of a DSSE envelope. */
    public static SigstoreBundle ofDsse(String keyHint, DsseEnvelope envelope) {
        return new SigstoreBundle(MEDIA_TYPE_V03, keyHint, List.of(), null, envelope);
    }

    @Override
    public List<byte[]> certificates() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    /** True when a certificate (keyless) rather than a public-key hint says who signed. */
    public boolean hasCertificate() {
        return !certificates.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigstoreBundle b
                && mediaType.equals(b.mediaType)
                && Objects.equals(publicKeyHint, b.publicKeyHint)
                && certificates.size() == b.certificates.size()
                && java.util.stream.IntStream.range(0, certificates.size())
                        .allMatch(i -> Arrays.equals(certificates.get(i), b.certificates.get(i)))
                && Objects.equals(messageSignature, b.messageSignature)
                && Objects.equals(dsseEnvelope, b.dsseEnvelope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, publicKeyHint, certificates.size(), messageSignature, dsseEnvelope);
    }

    @Override
    public String toString() {
        // read from a file: its text is escaped and capped before a log or an assertion message shows it
        return "SigstoreBundle[" + UntrustedText.clean(mediaType) + ", "
                + (publicKeyHint != null
                        ? "key " + UntrustedText.clean(publicKeyHint)
                        : certificates.size() + " certificate(s)")
                + ", "
                + (messageSignature != null ? messageSignature : dsseEnvelope) + "]";
    }

    /**
     * A signature over a blob.
     *
     * @param digestAlgorithm the protobuf name, {@code SHA2_256} when ARD signs
     * @param digest          the blob's digest (raw bytes)
     * @param signature       the raw signature (ASN.1 DER for ECDSA)
     */
    public record MessageSignature(String digestAlgorithm, byte[] digest, byte[] signature) {
        public static final String SHA2_256 = "SHA2_256";

        public MessageSignature {
            digest = digest.clone();
            signature = signature.clone();
        }

        @Override
        public byte[] digest() {
            return digest.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageSignature m
                    && digestAlgorithm.equals(m.digestAlgorithm)
                    && Arrays.equals(digest, m.digest)
                    && Arrays.equals(signature, m.signature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(digestAlgorithm, Arrays.hashCode(digest), Arrays.hashCode(signature));
        }

        @Override
        public String toString() {
            return "MessageSignature[" + UntrustedText.clean(digestAlgorithm) + ":"
                    + java.util.HexFormat.of().formatHex(digest) + ", "
                    + Base64.getEncoder().encodeToString(signature) + "]";
        }
    }
}
