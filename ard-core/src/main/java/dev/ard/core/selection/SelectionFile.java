package dev.ard.core.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's {@code target/ard/selection.json}, what its test executions ran and skipped in the last build; written by
 * the extension, read for provenance. The one reader and writer of the format:
 * <pre>{"mode":"safe","executions":[{"plugin":"surefire","execution":"default-test",
 *   "selected":["a.B",…],"skipped":["c.D",…]}]}</pre>
 *
 * @param mode       the selection mode in effect, {@code none} when no file exists
 * @param executions one entry per Surefire/Failsafe execution, in the order they ran
 */
public record SelectionFile(String mode, List<Execution> executions) {

    /** No file: the module's tests were not selected by ARD. */
    public static final SelectionFile NONE = new SelectionFile("none", List.of());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One test execution's selected and skipped test classes. */
    public record Execution(String plugin, String execution, List<String> selected, List<String> skipped) {
        public Execution {
            selected = List.copyOf(selected);
            skipped = List.copyOf(skipped);
        }
    }

    public SelectionFile {
        executions = List.copyOf(executions);
    }

    /** How many test classes the executions ran. */
    public int selectedCount() {
        return executions.stream().mapToInt(e -> e.selected().size()).sum();
    }

    /** How many test classes the executions skipped. */
    public int skippedCount() {
        return executions.stream().mapToInt(e -> e.skipped().size()).sum();
    }

    /** {@code target/ard/selection.json} under a module's build directory. */
    public static Path in(Path buildDirectory) {
        return buildDirectory.resolve("ard").resolve("selection.json");
    }

    /** Reads a file; a missing one is {@link #NONE}, an unreadable or malformed one an {@link IOException} naming it. */
    public static SelectionFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new IOException(
                    file + ": not a test-selection record (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || !root.path("mode").isTextual()) {
            throw new IOException(file + ": not a test-selection record (no \"mode\")");
        }
        List<Execution> executions = new ArrayList<>();
        for (JsonNode e : root.path("executions")) {
            executions.add(new Execution(
                    e.path("plugin").asText(""),
                    e.path("execution").asText(""),
                    strings(e.path("selected")),
                    strings(e.path("skipped"))));
        }
        return new SelectionFile(root.get("mode").asText(), executions);
    }

    /** Writes the file, creating its directory. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, toJson());
    }

    /** The file's bytes (indented JSON, fields in the documented order). */
    public byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", mode);
        ArrayNode list = root.putArray("executions");
        for (Execution e : executions) {
            ObjectNode entry = list.addObject();
            entry.put("plugin", e.plugin());
            entry.put("execution", e.execution());
            ArrayNode selected = entry.putArray("selected");
            e.selected().forEach(selected::add);
            ArrayNode skipped = entry.putArray("skipped");
            e.skipped().forEach(skipped::add);
        }
        return JSON.writeValueAsBytes(root);
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                result.add(n.asText());
            }
        }
        return result;
    }
}
