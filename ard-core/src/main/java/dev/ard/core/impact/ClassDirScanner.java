package dev.ard.core.impact;

import dev.ard.core.impact.snapshot.ClassChecksum;
import dev.ard.core.impact.snapshot.ClassChecksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Reads every class file of one directory into {@link ClassNode}s and the call graph's {@link ClassCalls} (one
 * parse), reusing the cached ones of every file whose size and CRC32 are unchanged (read and checksummed, not parsed
 * again; not even read when size and an old enough modification time are unchanged, see {@link GraphCache}), and
 * reads the {@code META-INF/services} files there. A bad file becomes a fault line; the rest is still scanned.
 */
final class ClassDirScanner {

    private static final String SERVICES = "META-INF/services/";

    /**
     * One directory's classes.
     *
     * @param nodes    by path relative to the directory
     * @param services interface (internal name) → implementations (internal names)
     * @param faults   one line per unreadable file or directory: the owning module runs all its tests
     * @param cacheProblem why the cache could not be written, or {@code null} (a warning only)
     * @param parsed   class files parsed with ASM in this scan
     * @param reused   class files taken from the cache
     * @param checksums the checksums without debug attributes, by internal class name
     * @param calls    the call graph's data of every class in {@code nodes}, in path order (cached like the nodes)
     * @param unreadable the directory or one of its files could not be read (not: a file ASM rejects): a call graph
     *                 without them could miss a caller, so none is built
     */
    record DirScan(
            Path dir,
            Map<String, ClassNode> nodes,
            Map<String, ClassChecksum> checksums,
            List<ClassCalls> calls,
            Map<String, List<String>> services,
            List<String> faults,
            String cacheProblem,
            boolean unreadable,
            int read,
            int parsed,
            int reused) {

        static DirScan missing(Path dir) {
            return new DirScan(dir, Map.of(), Map.of(), List.of(), Map.of(), List.of(), null, false, 0, 0, 0);
        }
    }

    private final GraphCache cache;

    ClassDirScanner(GraphCache cache) {
        this.cache = cache;
    }

    DirScan scan(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return DirScan.missing(dir);
        }
        long scanStarted = System.currentTimeMillis();
        int prefixLength = dir.toString().length() + 1;
        Map<Path, BasicFileAttributes> files = new LinkedHashMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(file, attrs); // the walk hands out attributes without another stat
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            return new DirScan(
                    dir,
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    List.of("cannot list " + dir + ": " + e),
                    null,
                    true,
                    0,
                    0,
                    0);
        }
        Map<String, GraphCache.Entry> previous = cache.load(dir);
        Map<String, GraphCache.Entry> current = new TreeMap<>();
        Map<String, ClassNode> nodes = new HashMap<>();
        Map<String, List<String>> services = new HashMap<>();
        List<String> faults = new ArrayList<>();
        int read = 0;
        int parsed = 0;
        int reused = 0;
        boolean unreadable = false;
        CRC32 crc = new CRC32();
        for (Map.Entry<Path, BasicFileAttributes> f : files.entrySet()) {
            Path file = f.getKey();
            long modified = f.getValue().lastModifiedTime().toMillis();
            String rel = relative(prefixLength, file);
            if (rel.startsWith(SERVICES) && rel.indexOf('/', SERVICES.length()) < 0) {
                readServiceFile(file, rel.substring(SERVICES.length()), services, faults);
                continue;
            }
            if (!rel.endsWith(".class")) {
                continue;
            }
            GraphCache.Entry old = previous.get(rel);
            if (old != null
                    && old.settled()
                    && old.modified() == modified
                    && old.length() == f.getValue().size()) {
                current.put(rel, old);
                nodes.put(rel, old.node());
                reused++;
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                faults.add("cannot read class file " + file + ": " + e);
                unreadable = true;
                continue;
            }
            crc.reset();
            crc.update(bytes);
            long sum = crc.getValue();
            read++;
            if (old != null && old.crc() == sum && old.length() == bytes.length) {
                current.put(
                        rel,
                        new GraphCache.Entry(
                                sum, bytes.length, modified, false, old.node(), old.checksum(), old.calls()));
                nodes.put(rel, old.node());
                reused++;
                continue;
            }
            try {
                BytecodeScanner.Scanned scanned = BytecodeScanner.read(bytes);
                ClassChecksum checksum = ClassChecksums.of(bytes);
                parsed++;
                current.put(
                        rel,
                        new GraphCache.Entry(
                                sum, bytes.length, modified, false, scanned.node(), checksum, scanned.calls()));
                nodes.put(rel, scanned.node());
            } catch (IllegalArgumentException e) {
                // ASM's ClassReader rejects class file versions newer than it knows this way
                String message = String.valueOf(e.getMessage());
                faults.add((message.startsWith("Unsupported class file")
                                ? "unsupported class file version in "
                                : "corrupt class file ")
                        + file + ": " + message);
            } catch (RuntimeException e) {
                faults.add("corrupt class file " + file + ": " + e);
            }
        }
        String cacheProblem = null;
        if (read > 0 || current.size() != previous.size()) {
            cacheProblem = cache.store(dir, current, scanStarted);
        }
        Map<String, ClassChecksum> checksums = new HashMap<>();
        List<ClassCalls> calls = new ArrayList<>(current.size());
        for (GraphCache.Entry e : current.values()) {
            checksums.put(e.checksum().name(), e.checksum());
            calls.add(e.calls());
        }
        return new DirScan(
                dir, nodes, checksums, calls, services, faults, cacheProblem, unreadable, read, parsed, reused);
    }

    /** Cheaper than {@code Path.relativize} over thousands of files below the same directory. */
    private static String relative(int prefixLength, Path file) {
        String rel = file.toString().substring(prefixLength);
        return rel.indexOf('\\') >= 0 ? rel.replace('\\', '/') : rel;
    }

    private static void readServiceFile(
            Path file, String iface, Map<String, List<String>> services, List<String> faults) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String impl = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!impl.isEmpty()) {
                    services.computeIfAbsent(iface.replace('.', '/'), k -> new ArrayList<>())
                            .add(impl.replace('.', '/'));
                }
            }
        } catch (IOException | RuntimeException e) {
            faults.add("cannot read service file " + file + ": " + e);
        }
    }
}
