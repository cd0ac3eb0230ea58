package dev.ard.core.attest.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * File digests in one streaming pass: the file is read once through a large buffer and every
 * requested algorithm is updated from the same bytes (subjects need sha256 + sha512, dependencies
 * only sha256). The buffer is a heap array: {@code MessageDigest} hashes arrays with the JDK's
 * intrinsic (SHA-NI/AVX2) code directly, while a direct buffer would be copied through 4 KiB chunks.
 */
public final class Digests {
    /** 1 MiB: large enough that system calls are a rounding error, small enough to stay in L2. */
    static final int BUFFER = 1 << 20;

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    private Digests() {}

    /** {@code sha256} and {@code sha512} of the file, in that order. */
    public static Map<String, String> sha256And512(Path file) throws IOException {
        return of(file, "sha256", "sha512");
    }

    /** The lowercase hex sha256 of the file. */
    public static String sha256(Path file) throws IOException {
        return of(file, "sha256").get("sha256");
    }

    /** The lowercase hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HEX.formatHex(digest("sha256").digest(bytes));
    }

    /**
     * The named in-toto digests ({@code sha256}, {@code sha384}, {@code sha512}, {@code sha1}) of the
     * file, read once. A directory or a missing file is an {@link IOException} naming the path.
     */
    public static Map<String, String> of(Path file, String... algorithms) throws IOException {
        MessageDigest[] digests = new MessageDigest[algorithms.length];
        for (int i = 0; i < algorithms.length; i++) {
            digests[i] = digest(algorithms[i]);
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory, not a file: " + file);
        }
        byte[] array = BUFFERS.get();
        ByteBuffer buffer = ByteBuffer.wrap(array);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                for (MessageDigest d : digests) {
                    d.update(array, 0, n);
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < algorithms.length; i++) {
            result.put(algorithms[i], HEX.formatHex(digests[i].digest()));
        }
        return result;
    }

    /** The sha256 of a stream, read to its end (the caller closes it). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest d = digest("sha256");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            d.update(buffer, 0, n);
        }
        return HEX.formatHex(d.digest());
    }

    private static MessageDigest digest(String inToto) {
        String jca =
                switch (inToto) {
                    case "sha256" -> "SHA-256";
                    case "sha384" -> "SHA-384";
                    case "sha512" -> "SHA-512";
                    case "sha1" -> "SHA-1";
                    default -> throw new IllegalArgumentException("unsupported digest algorithm: " + inToto);
                };
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is missing from this JDK", e);
        }
    }
}
