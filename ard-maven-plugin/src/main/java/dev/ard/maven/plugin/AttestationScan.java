package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.io.BoundedFiles;
import dev.ard.core.report.ReportInputs.AttestationView;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attestations of the build in {@code <root>/target/ard} and {@code <root>/target} for the report: provenance
 * statements with their subjects, and Sigstore bundles with what names their signer. The report does not verify them
 * (that is {@code ard:verify}, with a policy) and says so for each file.
 */
final class AttestationScan {
    /** The largest attestation file read; ARD's are a few hundred kilobytes at most. */
    static final long MAX_BYTES = 16L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_VERIFIED = "not verified (run ard:verify; the report has no policy to verify with)";

    private AttestationScan() {}

    static List<AttestationView> of(Path root) {
        List<AttestationView> found = new ArrayList<>();
        Map<String, String> verdicts = VerificationRecord.read(root.resolve("target/ard"));
        for (Path dir : List.of(root.resolve("target/ard"), root.resolve("target"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{provenance.json,sigstore.json}")) {
                for (Path file : files) {
                    found.add(withVerdict(view(root, file), file.getFileName().toString(), verdicts));
                }
            } catch (IOException e) {
                found.add(new AttestationView(
                        root.relativize(dir).toString(), "directory", List.of(), null, "unreadable: " + e, false));
            }
        }
        found.sort(java.util.Comparator.comparing(AttestationView::name));
        return found;
    }

    /** The result {@code ard:verify} recorded for the file (by its name, its artifact's, or its bundle's), if any. */
    private static AttestationView withVerdict(AttestationView view, String name, Map<String, String> verdicts) {
        if (view.verified() != null) {
            return view; // unreadable: already a failure
        }
        String suffix = ".sigstore.json";
        for (String key : List.of(
                name,
                name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name,
                name + suffix)) {
            if (verdicts.containsKey(key)) {
                String problem = verdicts.get(key);
                return new AttestationView(
                        view.name(),
                        view.kind(),
                        view.subjects(),
                        view.signer(),
                        problem == null ? "verified by ard:verify" : "ard:verify failed: " + problem,
                        problem == null);
            }
        }
        return view;
    }

    private static AttestationView view(Path root, Path file) {
        String name = root.relativize(file).toString();
        try {
            JsonNode json = JSON.readTree(BoundedFiles.read(file, MAX_BYTES, "attestation"));
            if (name.endsWith(".provenance.json")) {
                return new AttestationView(
                        name, "SLSA provenance (Build L1)", subjects(json), null, NOT_VERIFIED, null);
            }
            return new AttestationView(
                    name, "Sigstore bundle", subjects(statement(json)), signer(json), NOT_VERIFIED, null);
        } catch (IOException | RuntimeException e) {
            return new AttestationView(name, "unreadable", List.of(), null, "cannot be read: " + e.getMessage(), false);
        }
    }

    /** A DSSE bundle's in-toto statement, or an empty node (a message-signature bundle names no subject). */
    private static JsonNode statement(JsonNode bundle) throws IOException {
        JsonNode payload = bundle.path("dsseEnvelope").path("payload");
        if (!payload.isTextual()) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(java.util.Base64.getDecoder().decode(payload.asText()));
    }

    private static List<String> subjects(JsonNode statement) {
        List<String> subjects = new ArrayList<>();
        for (JsonNode subject : statement.path("subject")) {
            subjects.add(subject.path("name").asText() + " sha256:"
                    + subject.path("digest").path("sha256").asText());
        }
        return subjects;
    }

    private static String signer(JsonNode bundle) {
        JsonNode material = bundle.path("verificationMaterial");
        if (material.path("publicKey").has("hint")) {
            return "key " + material.path("publicKey").path("hint").asText();
        }
        if (material.has("certificate") || material.has("x509CertificateChain")) {
            return "keyless (Fulcio certificate)";
        }
        return null;
    }
}
