package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.ChecksumCodec;
import dev.ard.core.impact.snapshot.ClassChecksum;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed classes of one classes directory (graph node, call data for the call graph, and checksums without debug
 * attributes), kept between builds so that unchanged class files are checksummed but not parsed again. One binary file per directory (name = hash of its path) with a
 * string table, written to a temporary file and moved into place, so a reader never sees half a
 * file. A file that cannot be read for any reason is treated as absent: the cache is an optimisation,
 * never a source of failure.
 *
 * <p>Besides size and CRC32, each entry keeps the file's modification time. A file whose size and time
 * are unchanged and whose time was already {@value #RACY_MILLIS} ms older than the scan that recorded
 * it is not even read (git's "racy clean" rule: a later rewrite cannot carry that same old time);
 * every other file is read and checksummed.
 */
final class GraphCache {

    private static final int MAGIC = 0x41524449; // "ARDI"
    /** 6: the call data ({@link ClassCalls}); an older file fails this check and is rebuilt, never misread. */
    private static final int FORMAT = 6;
    /** More than any file system's time granularity (FAT: 2 s). */
    static final long RACY_MILLIS = 2_000;

    /**
     * A class file as seen last time.
     *
     * @param modified its modification time, epoch millis
     * @param settled  loaded from a cache whose scan started {@link #RACY_MILLIS} after {@code modified}:
     *                 unchanged size and time prove unchanged bytes
     * @param checksum its checksums without debug attributes (for the bytecode snapshots)
     * @param calls    its methods and their calls (for the member-level call graph)
     */
    record Entry(
            long crc,
            int length,
            long modified,
            boolean settled,
            ClassNode node,
            ClassChecksum checksum,
            ClassCalls calls) {}

    private final Path cacheDir;

    /** @param cacheDir where cache files live; {@code null} disables caching */
    GraphCache(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Entries by path relative to {@code classesDir} ('/' separated); empty when absent or unreadable. */
    Map<String, Entry> load(Path classesDir) {
        if (cacheDir == null) {
            return Map.of();
        }
        Path file = fileFor(classesDir);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (DataInputStream in = new DataInputStream(new Bytes(Files.readAllBytes(file)))) {
            return read(in, classesDir);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // corrupt or from another format: rebuilt on this run
        }
    }

    /** Writes atomically; returns a problem line or {@code null}. Never throws. */
    String store(Path classesDir, Map<String, Entry> entries, long scanStartedMillis) {
        if (cacheDir == null) {
            return null;
        }
        Path file = fileFor(classesDir);
        Path tmp = null;
        try {
            Files.createDirectories(cacheDir);
            tmp = Files.createTempFile(cacheDir, file.getFileName().toString(), ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                write(out, classesDir, entries, scanStartedMillis);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            ChecksumCodec.deleteQuietly(tmp);
            return "cannot write impact cache " + file + ": " + e;
        }
    }

    Path fileFor(Path classesDir) {
        return cacheDir.resolve(
                ChecksumCodec.fileName(classesDir.toAbsolutePath().normalize().toString()) + ".bin");
    }

    private static void write(DataOutputStream out, Path dir, Map<String, Entry> entries, long scanStarted)
            throws IOException {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            ClassNode n = e.getValue().node();
            intern(ids, e.getKey());
            intern(ids, n.name());
            intern(ids, n.sourceFile());
            intern(ids, n.outer());
            n.refs().forEach(r -> intern(ids, r));
            n.constantOwners().forEach(r -> intern(ids, r));
            n.strings().forEach(s -> intern(ids, s));
            e.getValue().checksum().members().keySet().forEach(k -> intern(ids, k));
            internCalls(ids, e.getValue().calls());
        }
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(dir.toAbsolutePath().normalize().toString());
        out.writeLong(scanStarted);
        out.writeInt(ids.size());
        for (String s : ids.keySet()) {
            out.writeUTF(s);
        }
        out.writeInt(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            ClassNode n = entry.node();
            out.writeInt(ids.get(e.getKey()));
            out.writeLong(entry.crc());
            out.writeInt(entry.length());
            out.writeLong(entry.modified());
            out.writeInt(ids.get(n.name()));
            out.writeInt(n.access());
            out.writeInt(n.sourceFile() == null ? -1 : ids.get(n.sourceFile()));
            out.writeInt(n.outer() == null ? -1 : ids.get(n.outer()));
            out.writeBoolean(n.nested());
            writeIds(out, ids, n.refs());
            writeIds(out, ids, n.constantOwners());
            writeIds(out, ids, n.strings());
            ChecksumCodec.write(out, ids, entry.checksum());
            writeCalls(out, ids, entry.calls());
        }
        out.writeInt(MAGIC); // trailer: a truncated file is detected as corrupt
    }

    private static Map<String, Entry> read(DataInputStream in, Path dir) throws IOException {
        if (in.readInt() != MAGIC
                || in.readInt() != FORMAT
                || !in.readUTF().equals(dir.toAbsolutePath().normalize().toString())) {
            return Map.of();
        }
        long scanStarted = in.readLong();
        String[] strings = new String[count(in)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUTF();
        }
        int count = count(in);
        Map<String, Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String path = strings[in.readInt()];
            long crc = in.readLong();
            int length = in.readInt();
            long modified = in.readLong();
            boolean settled = modified < scanStarted - RACY_MILLIS;
            String name = strings[in.readInt()];
            int access = in.readInt();
            String sourceFile = optional(strings, in.readInt());
            String outer = optional(strings, in.readInt());
            boolean nested = in.readBoolean();
            List<String> refs = readIds(in, strings);
            List<String> constantOwners = readIds(in, strings);
            List<String> names = readIds(in, strings);
            ClassChecksum checksum = ChecksumCodec.read(in, strings, name);
            ClassCalls calls = readCalls(in, strings, name, access);
            entries.put(
                    path,
                    new Entry(
                            crc,
                            length,
                            modified,
                            settled,
                            new ClassNode(name, access, sourceFile, outer, nested, refs, constantOwners, names),
                            checksum,
                            calls));
        }
        if (in.readInt() != MAGIC) {
            return Map.of();
        }
        return entries;
    }

    private static void internCalls(Map<String, Integer> ids, ClassCalls calls) {
        intern(ids, calls.type().superName());
        calls.type().interfaces().forEach(i -> intern(ids, i));
        calls.type().methods().keySet().forEach(k -> intern(ids, k));
        for (ClassCalls.Call c : calls.calls()) {
            intern(ids, c.caller());
            intern(ids, c.owner());
            intern(ids, c.key());
        }
    }

    /**
     * Superclass, interfaces, methods (key, flags), then each call (caller, owner, key, virtual). Name and flags are
     * the {@link ClassNode}'s (the same {@code visit} event).
     */
    private static void writeCalls(DataOutputStream out, Map<String, Integer> ids, ClassCalls calls)
            throws IOException {
        CallGraph.Type t = calls.type();
        out.writeInt(t.superName() == null ? -1 : ids.get(t.superName()));
        writeIds(out, ids, t.interfaces());
        out.writeInt(t.methods().size());
        for (Map.Entry<String, Integer> m : t.methods().entrySet()) {
            out.writeInt(ids.get(m.getKey()));
            out.writeInt(m.getValue());
        }
        out.writeInt(calls.calls().size());
        for (ClassCalls.Call c : calls.calls()) {
            out.writeInt(ids.get(c.caller()));
            out.writeInt(ids.get(c.owner()));
            out.writeInt(ids.get(c.key()));
            out.writeBoolean(c.virtual());
        }
    }

    private static ClassCalls readCalls(DataInputStream in, String[] strings, String name, int access)
            throws IOException {
        String superName = optional(strings, in.readInt());
        List<String> interfaces = readIds(in, strings);
        int methodCount = count(in);
        Map<String, Integer> methods = new HashMap<>(methodCount * 2);
        for (int i = 0; i < methodCount; i++) {
            methods.put(strings[in.readInt()], in.readInt());
        }
        int callCount = count(in);
        List<ClassCalls.Call> calls = new ArrayList<>(callCount);
        for (int i = 0; i < callCount; i++) {
            calls.add(new ClassCalls.Call(
                    strings[in.readInt()], strings[in.readInt()], strings[in.readInt()], in.readBoolean()));
        }
        return new ClassCalls(new CallGraph.Type(name, access, superName, interfaces, Map.copyOf(methods)), calls);
    }

    /** A count no larger than the bytes left: a corrupt one fails here instead of allocating gigabytes. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt count");
        }
        return n;
    }

    /**
     * {@link ByteArrayInputStream} without the lock on every byte: {@code DataInputStream} reads an int as four single
     * bytes, and a cache file holds hundreds of thousands of them (read once per analysis, in a JVM not yet warm).
     */
    private static final class Bytes extends ByteArrayInputStream {
        Bytes(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int read() {
            return pos < count ? buf[pos++] & 0xff : -1;
        }
    }

    private static void intern(Map<String, Integer> ids, String s) {
        if (s != null) {
            ids.putIfAbsent(s, ids.size());
        }
    }

    private static void writeIds(DataOutputStream out, Map<String, Integer> ids, List<String> values)
            throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeInt(ids.get(v));
        }
    }

    private static List<String> readIds(DataInputStream in, String[] strings) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > strings.length) {
            throw new IOException("corrupt id list");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(strings[in.readInt()]);
        }
        return out;
    }

    private static String optional(String[] strings, int id) {
        return id < 0 ? null : strings[id];
    }
}
