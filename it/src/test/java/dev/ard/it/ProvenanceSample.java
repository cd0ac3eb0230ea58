package dev.ard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The provenance sample: a copy with ARD's version and its file repository's URL filled in, and the
 * file repository itself ({@code repo/}, holding {@code dev.ard.sample:provlib:1.0}) made with fixed
 * timestamps so its jar has the same bytes every time.
 */
final class ProvenanceSample {
    static final String NAME = "provenance-sample";
    static final String PROVLIB_PATH = "dev/ard/sample/provlib/1.0/provlib-1.0.jar";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProvenanceSample() {}

    /** A copy in {@code target}, with {@code repo/} created and the sample's provlib removed from the IT repository. */
    static Sample copy(Path target) throws IOException {
        Sample sample = Sample.copy(NAME, target);
        Path repo = target.resolve("repo");
        writeProvlib(repo);
        Path pom = target.resolve("pom.xml");
        String xml = Files.readString(pom, StandardCharsets.UTF_8)
                .replace("@project.version@", ItEnvironment.ardVersion())
                .replace("@repo.url@", repo.toUri().toString());
        Files.writeString(pom, xml, StandardCharsets.UTF_8);
        // Resolved afresh from repo/ in every IT, so the local repository records repo/ as its origin.
        Sample.deleteTree(ItEnvironment.itRepo().resolve("dev/ard/sample"));
        return sample;
    }

    private static void writeProvlib(Path repo) throws IOException {
        Path dir = repo.resolve("dev/ard/sample/provlib/1.0");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("provlib-1.0.pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.ard.sample</groupId>
                  <artifactId>provlib</artifactId>
                  <version>1.0</version>
                </project>
                """, StandardCharsets.UTF_8);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        FileTime time = FileTime.fromMillis(1_790_000_000_000L);
        try (OutputStream out = Files.newOutputStream(repo.resolve(PROVLIB_PATH));
                JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry meta = new JarEntry("META-INF/MANIFEST.MF");
            meta.setLastModifiedTime(time);
            jar.putNextEntry(meta);
            manifest.write(jar);
            jar.closeEntry();
            JarEntry text = new JarEntry("provlib.txt");
            text.setLastModifiedTime(time);
            jar.putNextEntry(text);
            jar.write("a dependency from a file repository\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    static JsonNode read(Path statement) throws IOException {
        return MAPPER.readTree(statement.toFile());
    }

    /** The statement without the fields that differ between two runs of the same build. */
    static JsonNode withoutRunFields(JsonNode statement) {
        JsonNode copy = statement.deepCopy();
        ObjectNode metadata =
                (ObjectNode) copy.path("predicate").path("runDetails").path("metadata");
        metadata.remove("startedOn");
        metadata.remove("finishedOn");
        metadata.remove("invocationId");
        return copy;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a {@code pkg:maven} purl's file lies in a Maven repository (the types the sample uses:
     * jar, maven-plugin, test-jar → {@code .jar}, pom → {@code .pom}).
     */
    static String repositoryPath(String purl) {
        String rest = purl.substring("pkg:maven/".length());
        String coordinates = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
        String group = coordinates.substring(0, coordinates.indexOf('/'));
        String artifact = coordinates.substring(coordinates.indexOf('/') + 1, coordinates.indexOf('@'));
        String version = coordinates.substring(coordinates.indexOf('@') + 1);
        String classifier = null;
        String type = "jar";
        for (String q : query.split("&")) {
            if (q.startsWith("classifier=")) {
                classifier = q.substring("classifier=".length());
            } else if (q.startsWith("type=")) {
                type = q.substring("type=".length());
            }
        }
        String extension = "pom".equals(type) ? "pom" : "jar";
        return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-" + version
                + (classifier == null ? "" : "-" + classifier) + "." + extension;
    }
}
