package dev.ard.core.attest.sign;

import java.io.IOException;
import java.util.Base64;

/** Minimal PEM framing: one labelled base64 block in, one out. Never echoes the block's content. */
final class Pem {
    /** A PEM key file is a few KiB; anything much larger is not one. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private Pem() {}

    /** The DER bytes of the first {@code -----BEGIN label-----} block. */
    static byte[] block(String text, String label) throws IOException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IOException("no '" + begin + "' block found");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("the " + label + " block is not valid base64");
        }
    }

    /** The first PEM label in {@code text}, or {@code null}. */
    static String label(String text) {
        int from = text.indexOf("-----BEGIN ");
        int to = from < 0 ? -1 : text.indexOf("-----", from + 11);
        return to < 0 ? null : text.substring(from + 11, to);
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
