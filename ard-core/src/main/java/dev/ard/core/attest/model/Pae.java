package dev.ard.core.attest.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE v1 Pre-Authentication Encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}.
 *
 * <p>Our own code because sigstore-java 2.0.0 only signs DSSE keyless (its {@code attest()} needs a
 * Fulcio certificate, Rekor v2 and a TSA) and its verifier refuses bundles that carry a public-key hint
 * instead of a certificate, so key-mode DSSE bundles are signed and verified here. The lengths are the
 * <b>UTF-8 byte</b> lengths written as ASCII decimals: using {@code String.length()} (UTF-16 units)
 * would sign a different message than every other client verifies as soon as the type or payload
 * holds a non-ASCII character.
 */
public final class Pae {
    private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

    private Pae() {}

    /** The bytes a DSSE signature covers. */
    public static byte[] encode(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREFIX.length + type.length + payload.length + 24);
        out.writeBytes(PREFIX);
        out.writeBytes(Integer.toString(type.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.writeBytes(type);
        out.write(' ');
        out.writeBytes(Integer.toString(payload.length).getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
