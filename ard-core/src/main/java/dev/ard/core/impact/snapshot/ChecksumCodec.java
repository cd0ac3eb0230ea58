package dev.ard.core.impact.snapshot;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The binary form of a {@link ClassChecksum} (member keys as ids into the file's string table) and the file helpers the
 * two files that store checksums share: the impact graph cache and the bytecode snapshots.
 */
public final class ChecksumCodec {
    private ChecksumCodec() {}

    /** Major version, checksum, then each member: key id, checksum, whether it is a compile-time constant. */
    public static void write(DataOutputStream out, Map<String, Integer> ids, ClassChecksum c) throws IOException {
        out.writeShort(c.major());
        out.writeLong(c.checksum());
        out.writeInt(c.members().size());
        for (Map.Entry<String, Long> m : c.members().entrySet()) {
            out.writeInt(ids.get(m.getKey()));
            out.writeLong(m.getValue());
            out.writeBoolean(c.constants().contains(m.getKey()));
        }
    }

    /**
     * The inverse of {@link #write}.
     *
     * @throws IOException a count or an id outside the string table (a corrupt file)
     */
    public static ClassChecksum read(DataInputStream in, String[] strings, String name) throws IOException {
        int major = in.readUnsignedShort();
        long checksum = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > strings.length) {
            throw new IOException("corrupt member count");
        }
        Map<String, Long> members = new HashMap<>(n * 2);
        Set<String> constants = null;
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            if (id < 0 || id >= strings.length) {
                throw new IOException("corrupt member id");
            }
            String key = strings[id];
            members.put(key, in.readLong());
            if (in.readBoolean()) {
                if (constants == null) {
                    constants = new HashSet<>();
                }
                constants.add(key);
            }
        }
        return new ClassChecksum(name, major, checksum, members, constants == null ? Set.of() : constants);
    }

    /** A file name for {@code key} (a directory, a module id): the first 12 bytes of its SHA-256, in hex. */
    public static String fileName(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Deletes a temporary file if it is there; a stray one is harmless. */
    public static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temp file is harmless
            }
        }
    }
}
