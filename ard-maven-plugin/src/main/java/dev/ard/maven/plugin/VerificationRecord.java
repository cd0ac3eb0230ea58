package dev.ard.maven.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.verify.FileProblem;
import dev.ard.core.attest.verify.GateReport;
import dev.ard.core.io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * What {@code ard:verify} decided, kept as {@code target/ard/verification.json} (module, when, the files verified and
 * the problems) so that {@code ard:report} can show each attestation's verification result without verifying again
 * (it has no policy to verify with).
 */
final class VerificationRecord {
    static final String FILE = "verification.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerificationRecord() {}

    /** Writes the gate's report; a file that cannot be written is one warning, never a failed verification. */
    static void write(Path dir, GateReport report, Log log) {
        ObjectNode root = JSON.createObjectNode()
                .put("module", report.module())
                .put("at", Instant.now().toString());
        ArrayNode verified = root.putArray("verified");
        report.verified().forEach(verified::add);
        ArrayNode problems = root.putArray("problems");
        for (FileProblem p : report.problems()) {
            problems.addObject().put("file", p.file()).put("reason", p.reason());
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("ARD: cannot record the verification result in " + dir.resolve(FILE) + ": " + e.getMessage());
        }
    }

    /**
     * Per file name (as {@code ard:verify} named it), {@code null} for verified or the problem, from the record in
     * {@code dir}; empty when there is none or it cannot be read.
     */
    static Map<String, String> read(Path dir) {
        Map<String, String> verdicts = new HashMap<>();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return verdicts;
        }
        try {
            JsonNode root = JSON.readTree(BoundedFiles.read(file, 4L << 20, "verification record"));
            root.path("verified").forEach(v -> verdicts.put(v.asText(), null));
            root.path("problems")
                    .forEach(p -> verdicts.put(
                            p.path("file").asText(), p.path("reason").asText()));
        } catch (IOException | RuntimeException e) {
            // an unreadable record: the report says "not verified" rather than guess
        }
        return verdicts;
    }
}
