package dev.ard.core.trust;

import dev.ard.core.io.BoundedFiles;
import dev.ard.core.io.UntrustedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trust lock ({@code .mvn/ard-trust.lock}): per artifact the sha256 and the signer seen when it was written
 * ({@code -Dard.trust.update}), one sorted line each so a pull request shows exactly what changed:
 *
 * <pre>
 * dev.sigstore:sigstore-java:jar:2.0.0 sha256:&lt;hex&gt; keyless https://github.com/login/oauth https://github.com/…@refs/tags/v2.0.0
 * org.slf4j:slf4j-api:jar:2.0.16 sha256:&lt;hex&gt; unsigned
 * </pre>
 *
 * Later builds fail when a locked artifact's sha256 differs, when its signer changes, or when a new version of a group
 * whose locked artifacts were signed comes signed by another signer ({@link Signer#stable()}: a workflow at another tag
 * is the same signer) or unsigned where the same artifact was signed before.
 */
public final class TrustLock {
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final String HEADER = "# ARD trust lock: the sha256 and signer of every artifact the build consumes."
            + "\n# Written by: mvn ard:verify-dependencies -Dard.trust.update; review changes like code.\n";
    static final String UPDATE_COMMAND = "mvn ard:verify-dependencies -Dard.trust.update";

    /** One locked artifact; {@code signer} is empty when it had no verified signature. */
    public record Entry(ArtifactCoordinates coordinates, String sha256, Optional<Signer> signer) {
        String line() {
            return coordinates + " sha256:" + sha256 + " "
                    + signer.map(Signer::toString).orElse("unsigned");
        }
    }

    public static final TrustLock EMPTY = new TrustLock(Map.of());

    private final Map<String, Entry> entries;

    private TrustLock(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static TrustLock of(Collection<Entry> entries) {
        Map<String, Entry> map = new TreeMap<>();
        entries.forEach(e -> map.put(e.coordinates().toString(), e));
        return new TrustLock(map);
    }

    /** The lock in {@code file}, or {@link #EMPTY} when there is none; a malformed line names the file and line. */
    public static TrustLock read(Path file) throws TrustPolicyException {
        if (!Files.exists(file)) {
            return EMPTY;
        }
        String text;
        try {
            text = new String(BoundedFiles.read(file, MAX_BYTES, "trust lock"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrustPolicyException(BoundedFiles.reason(e));
        }
        Map<String, Entry> map = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ", 3);
            ArtifactCoordinates c = p.length == 3 ? ArtifactCoordinates.parse(p[0]) : null;
            boolean sha = p.length == 3 && p[1].matches("sha256:[0-9a-f]{64}");
            Signer signer = p.length == 3 && !p[2].equals("unsigned") ? Signer.parse(p[2]) : null;
            if (c == null || !sha || (signer == null && !p[2].equals("unsigned"))) {
                throw new TrustPolicyException(file + ":" + (i + 1) + ": not \"<groupId:artifactId:extension"
                        + "[:classifier]:version> sha256:<hex> unsigned|key <hint>|keyless <issuer> <identity>\": "
                        + UntrustedText.quote(line));
            }
            if (map.put(c.toString(), new Entry(c, p[1].substring(7), Optional.ofNullable(signer))) != null) {
                throw new TrustPolicyException(file + ":" + (i + 1) + ": " + c + " is locked twice");
            }
        }
        return new TrustLock(map);
    }

    /** Writes the lock, sorted, atomically. */
    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder(HEADER);
        entries.values().forEach(e -> b.append(e.line()).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public Optional<Entry> entry(ArtifactCoordinates c) {
        return Optional.ofNullable(entries.get(c.toString()));
    }

    /**
     * Why {@code c} with this sha256 and signer (empty: no verified signature) breaks the lock, or empty when it does
     * not. The message names the artifact, what was locked, what was seen and the command that accepts the change.
     */
    public Optional<String> problem(ArtifactCoordinates c, String sha256, Optional<Signer> seen) {
        Entry e = entries.get(c.toString());
        String seenText = seen.map(Signer::toString).orElse("no verified signature");
        if (e != null) {
            if (!e.sha256().equals(sha256)) {
                return Optional.of("sha256 differs from the lock: locked sha256:" + e.sha256() + ", seen sha256:"
                        + sha256 + accept());
            }
            if (e.signer().isPresent()
                    && (seen.isEmpty()
                            || !e.signer().get().stable().equals(seen.get().stable()))) {
                return Optional.of("signer changed: locked " + e.signer().get() + ", seen " + seenText + accept());
            }
            return Optional.empty();
        }
        Set<Signer> pinned = groupSigners(c.groupId());
        if (pinned.isEmpty()) {
            return Optional.empty();
        }
        if (seen.isPresent() && !pinned.contains(seen.get().stable())) {
            return Optional.of("signer of group " + c.groupId() + " changed: locked " + describe(pinned) + ", seen "
                    + seenText + accept());
        }
        if (seen.isEmpty() && signedBefore(c)) {
            return Optional.of("earlier versions of " + c.ga() + " were signed by " + describe(pinned)
                    + ", this one has no verified signature" + accept());
        }
        return Optional.empty();
    }

    /** The stable signers of the group's locked, signed artifacts. */
    Set<Signer> groupSigners(String groupId) {
        Set<Signer> signers = new LinkedHashSet<>();
        for (Entry e : entries.values()) {
            if (e.coordinates().groupId().equals(groupId)) {
                e.signer().ifPresent(s -> signers.add(s.stable()));
            }
        }
        return signers;
    }

    private boolean signedBefore(ArtifactCoordinates c) {
        return entries.values().stream()
                .anyMatch(e -> e.coordinates().ga().equals(c.ga()) && e.signer().isPresent());
    }

    private static String describe(Set<Signer> signers) {
        return signers.size() == 1 ? signers.iterator().next().toString() : "one of " + List.copyOf(signers);
    }

    private static String accept() {
        return "; if the change is expected, accept it with: " + UPDATE_COMMAND;
    }
}
