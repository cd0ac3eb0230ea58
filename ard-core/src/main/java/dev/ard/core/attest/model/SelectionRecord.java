package dev.ard.core.attest.model;

import dev.ard.core.selection.SelectionFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test-selection record of one module, as the extension writes it to {@code target/ard/selection.json}
 * ({@link SelectionFile}):
 * <pre>{"mode":"safe","executions":[{"plugin":"surefire","execution":"default-test",
 *   "selected":["a.B",…],"skipped":["c.D",…]}]}</pre>
 * In provenance it becomes a byproduct (see {@link #byproduct()}): the mode, the counts, and the sha256
 * of the skipped list, so a consumer can tell a build that ran every test from one that did not, and
 * check a published skipped list against the digest.
 *
 * @param mode       selection mode, {@code none} when no record exists
 * @param executions one entry per Surefire/Failsafe execution
 */
public record SelectionRecord(String mode, List<Execution> executions) {
    public static final String BYPRODUCT_NAME = "ard-test-selection";
    /** The digest is of the skipped list as text. */
    public static final String MEDIA_TYPE = "text/plain; charset=utf-8";

    public static final SelectionRecord NONE = new SelectionRecord("none", List.of());

    /** One test execution's selected and skipped test classes. */
    public record Execution(String plugin, String execution, List<String> selected, List<String> skipped) {
        public Execution {
            selected = List.copyOf(selected);
            skipped = List.copyOf(skipped);
        }
    }

    public SelectionRecord {
        executions = List.copyOf(executions);
    }

    /** Reads the record ({@link SelectionFile#read}); a missing file is {@link #NONE}; a malformed one an {@link IOException}. */
    public static SelectionRecord read(Path file) throws IOException {
        SelectionFile content = SelectionFile.read(file);
        return new SelectionRecord(
                content.mode(),
                content.executions().stream()
                        .map(e -> new Execution(e.plugin(), e.execution(), e.selected(), e.skipped()))
                        .toList());
    }

    public int selectedCount() {
        return executions.stream().mapToInt(e -> e.selected().size()).sum();
    }

    public int skippedCount() {
        return executions.stream().mapToInt(e -> e.skipped().size()).sum();
    }

    /** Every skipped entry of every execution, sorted (duplicates kept), joined by {@code \n}, no final newline. */
    public String skippedListText() {
        List<String> all = new ArrayList<>();
        executions.forEach(e -> all.addAll(e.skipped()));
        all.sort(null);
        return String.join("\n", all);
    }

    /** The byproduct: digest of {@link #skippedListText()} (of "" when nothing was skipped or no record exists). */
    public ResourceDescriptor byproduct() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("mode", mode);
        annotations.put("selected", selectedCount());
        annotations.put("skipped", skippedCount());
        List<Map<String, Object>> perExecution = new ArrayList<>();
        for (Execution e : executions) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("plugin", e.plugin());
            one.put("execution", e.execution());
            one.put("selected", e.selected().size());
            one.put("skipped", e.skipped().size());
            perExecution.add(one);
        }
        if (!perExecution.isEmpty()) {
            annotations.put("executions", perExecution);
        }
        String digest = Digests.sha256(skippedListText().getBytes(StandardCharsets.UTF_8));
        return new ResourceDescriptor(BYPRODUCT_NAME, null, Map.of("sha256", digest), null, MEDIA_TYPE, annotations);
    }
}
