package dev.ard.core.impact.snapshot;

import dev.ard.core.io.BoundedFiles;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bytecode snapshots on disk, one gzipped binary file per commit and module: {@code <dir>/<commit>/<module hash>.bin}
 * (next to the impact graph cache, under {@code .ard/cache}). Files are written to a temporary file and moved into
 * place; a file that is missing, too large, truncated, corrupt or written by another ARD version is not used, with a
 * one-line reason: the snapshot is an optimisation, never a source of failure. Only the newest {@value #KEEP_COMMITS}
 * commits are kept.
 */
public final class SnapshotStore {

    private static final int MAGIC = 0x41524453; // "ARDS"
    private static final int FORMAT = 2;
    /** Compressed size read at most: a snapshot of 50,000 classes is a few MB. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** Inflated size read at most: a compressed bomb costs memory up to here, then is corrupt. */
    static final int MAX_INFLATED_BYTES = 256 << 20;

    static final int KEEP_COMMITS = 30;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    /** A snapshot read back, or why not. */
    public record Loaded(ModuleSnapshot snapshot, String problem) {
        static Loaded problem(String problem) {
            return new Loaded(null, problem);
        }
    }

    /**
     * Where the snapshots of a commit can be fetched when they are not on disk (a team's telemetry store): module →
     * packed bytes, as {@link #packed} gives them. Asked once per commit.
     */
    @FunctionalInterface
    public interface Remote {
        Map<String, byte[]> fetch(String commit) throws Exception;
    }

    private final Path dir;
    private final Remote remote;
    private final Map<String, Map<String, byte[]>> fetched = new ConcurrentHashMap<>();
    private final Map<String, String> fetchProblems = new ConcurrentHashMap<>();

    /** @param dir where snapshots live, e.g. {@code <root>/.ard/cache/bytecode} */
    public SnapshotStore(Path dir) {
        this(dir, null);
    }

    /**
     * @param remote where a snapshot missing on disk is fetched from (then kept on disk too), or {@code null}
     */
    public SnapshotStore(Path dir, Remote remote) {
        this.dir = dir.toAbsolutePath().normalize();
        this.remote = remote;
    }

    /** Whether {@code commit} looks like a sha (a path component must never come from anything else). */
    static boolean validCommit(String commit) {
        return commit != null && COMMIT.matcher(commit).matches();
    }

    public Path fileFor(String commit, String module) {
        return dir.resolve(commit).resolve(ChecksumCodec.fileName(module) + ".bin");
    }

    /**
     * The snapshot of {@code module} at {@code commit}, written by {@code producer}. Never throws.
     *
     * @param producer the ARD version of this build
     */
    public Loaded read(String commit, String module, String producer) {
        String sha = shortSha(commit);
        if (!validCommit(commit)) {
            return Loaded.problem("no bytecode snapshot of " + sha);
        }
        Path file = fileFor(commit, module);
        if (!Files.isRegularFile(file)) {
            return remote == null
                    ? Loaded.problem("no bytecode snapshot of " + module + " at " + sha)
                    : fromRemote(commit, module, producer);
        }
        try {
            return unpack(BoundedFiles.read(file, MAX_FILE_BYTES, "bytecode snapshot"), commit, module, producer);
        } catch (IOException | RuntimeException e) {
            return Loaded.problem("bytecode snapshot of " + module + " at " + sha + " is corrupt ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The snapshot from the remote, kept on disk when it reads well; a problem line when missing or unusable. */
    private Loaded fromRemote(String commit, String module, String producer) {
        String sha = shortSha(commit);
        Map<String, byte[]> all = fetched.computeIfAbsent(commit, c -> {
            try {
                Map<String, byte[]> got = remote.fetch(c);
                return got == null ? Map.of() : Map.copyOf(got);
            } catch (Exception e) {
                fetchProblems.put(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                return Map.of();
            }
        });
        byte[] packed = all.get(module);
        if (packed == null) {
            String why = fetchProblems.get(commit);
            return Loaded.problem("no bytecode snapshot of " + module + " at " + sha
                    + (why == null ? " (neither cached nor in the store)" : " (the store: " + why + ")"));
        }
        Loaded loaded;
        try {
            loaded = unpack(packed, commit, module, producer);
        } catch (IOException | RuntimeException e) {
            return Loaded.problem("bytecode snapshot of " + module + " at " + sha + " in the store is corrupt ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (loaded.snapshot() != null) {
            try {
                keep(fileFor(commit, module), packed); // the next build reads it from disk
            } catch (IOException | RuntimeException e) {
                // the cache is an optimisation: this build has the snapshot, the next one fetches it again
            }
        }
        return loaded;
    }

    /** The packed bytes of a snapshot on disk, as a {@link Remote} gives them back; {@code null} when unreadable. */
    public byte[] packed(String commit, String module) {
        try {
            return validCommit(commit)
                    ? BoundedFiles.read(fileFor(commit, module), MAX_FILE_BYTES, "bytecode snapshot")
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Loaded unpack(byte[] packed, String commit, String module, String producer) throws IOException {
        if (packed.length > MAX_FILE_BYTES) {
            return Loaded.problem("bytecode snapshot of " + module + " at " + shortSha(commit) + " is too large");
        }
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            bytes = in.readNBytes(MAX_INFLATED_BYTES + 1);
        }
        if (bytes.length > MAX_INFLATED_BYTES) {
            return Loaded.problem("bytecode snapshot of " + module + " at " + shortSha(commit) + " is too large");
        }
        return SnapshotFormat.read(new DataInputStream(new ByteArrayInputStream(bytes)), module, commit, producer);
    }

    /** Writes atomically; returns a problem line or {@code null}. Never throws. */
    public String write(ModuleSnapshot snapshot) {
        if (!validCommit(snapshot.commit())) {
            return "no bytecode snapshot written: no commit";
        }
        Path file = fileFor(snapshot.commit(), snapshot.module());
        try {
            ByteArrayOutputStream packed = new ByteArrayOutputStream(1 << 16);
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(packed, 1 << 16), 1 << 16))) {
                SnapshotFormat.write(out, snapshot);
            }
            keep(file, packed.toByteArray());
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot write bytecode snapshot " + file + ": " + e;
        }
    }

    /** Puts {@code bytes} at {@code file} atomically (a temporary file moved into place). */
    private static void keep(Path file, byte[] bytes) throws IOException {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // the commit directory's time orders the pruning: the newest written survive
            Files.setLastModifiedTime(file.getParent(), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            ChecksumCodec.deleteQuietly(tmp);
            throw e;
        }
    }

    /** Deletes all but the newest {@value #KEEP_COMMITS} commit directories. Never throws. */
    public void prune() {
        List<Path> commits = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                if (Files.isDirectory(p) && validCommit(p.getFileName().toString())) {
                    commits.add(p);
                }
            }
            Map<Path, Long> times = new HashMap<>();
            for (Path p : commits) {
                times.put(p, Files.getLastModifiedTime(p).toMillis());
            }
            commits.sort(Comparator.comparing((Path p) -> times.get(p)).reversed());
            for (Path old : commits.subList(Math.min(KEEP_COMMITS, commits.size()), commits.size())) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(old)) {
                    for (Path f : files) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // another build may prune at the same time; what is left is pruned next time
        }
    }

    /** The 10-digit form people read ({@code ChangeSet.shortSha}), without depending on the git package. */
    public static String shortSha(String sha) {
        return sha == null || sha.length() <= 10 ? String.valueOf(sha) : sha.substring(0, 10);
    }

    /** The binary layout inside the gzip: a string table, then the main and the test classes. */
    static final class SnapshotFormat {
        private SnapshotFormat() {}

        static void write(DataOutputStream out, ModuleSnapshot s) throws IOException {
            Map<String, Integer> ids = new LinkedHashMap<>();
            for (Map<String, ClassChecksum> classes : List.of(s.main(), s.test())) {
                for (ClassChecksum c : classes.values()) {
                    ids.putIfAbsent(c.name(), ids.size());
                    c.members().keySet().forEach(k -> ids.putIfAbsent(k, ids.size()));
                }
            }
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeString(out, s.producer());
            writeString(out, s.module());
            writeString(out, s.commit());
            out.writeInt(ids.size());
            for (String str : ids.keySet()) {
                writeString(out, str);
            }
            for (Map<String, ClassChecksum> classes : List.of(s.main(), s.test())) {
                out.writeInt(classes.size());
                for (ClassChecksum c : classes.values()) {
                    out.writeInt(ids.get(c.name()));
                    ChecksumCodec.write(out, ids, c);
                }
            }
            out.writeInt(MAGIC); // trailer: a truncated file is detected as corrupt
        }

        static Loaded read(DataInputStream in, String module, String commit, String producer) throws IOException {
            String sha = shortSha(commit);
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Loaded.problem("bytecode snapshot of " + module + " at " + sha + " has an unknown format");
            }
            String writtenBy = readString(in);
            if (!writtenBy.equals(producer)) {
                return Loaded.problem("bytecode snapshot of " + module + " at " + sha + " was written by ARD "
                        + writtenBy + ", this is " + producer);
            }
            if (!readString(in).equals(module) || !readString(in).equals(commit)) {
                return Loaded.problem("bytecode snapshot of " + module + " at " + sha + " is corrupt (other module)");
            }
            String[] strings = new String[count(in, Integer.MAX_VALUE)];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = readString(in);
            }
            List<Map<String, ClassChecksum>> sections = new ArrayList<>();
            for (int section = 0; section < 2; section++) {
                int classes = count(in, strings.length);
                Map<String, ClassChecksum> out = new HashMap<>(classes * 2);
                for (int i = 0; i < classes; i++) {
                    String name = strings[in.readInt()];
                    out.put(name, ChecksumCodec.read(in, strings, name));
                }
                sections.add(out);
            }
            if (in.readInt() != MAGIC) {
                throw new IOException("no trailer");
            }
            return new Loaded(new ModuleSnapshot(module, commit, producer, sections.get(0), sections.get(1)), null);
        }

        private static int count(DataInputStream in, int max) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > max || n > in.available() + 1) {
                throw new IOException("corrupt count " + n);
            }
            return n;
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String readString(DataInputStream in) throws IOException {
            int n = count(in, Integer.MAX_VALUE);
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }
    }
}
