package dev.ard.core.attest.model;

import dev.ard.core.selection.SelectionFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's test-selection record ({@code target/ard/selection.json}, read and written by {@link SelectionFile}) as a
 * provenance byproduct: the mode, the counts, and the sha256 of the skipped list, so a consumer can tell a build that
 * ran every test from one that did not, and check a published skipped list against the digest.
 */
public final class SelectionByproduct {

    public static final String NAME = "ard-test-selection";
    /** The digest is of the skipped list as text. */
    public static final String MEDIA_TYPE = "text/plain; charset=utf-8";

    private SelectionByproduct() {}

    /** Every skipped entry of every execution, sorted (duplicates kept), joined by {@code \n}, no final newline. */
    public static String skippedListText(SelectionFile selection) {
        List<String> all = new ArrayList<>();
        selection.executions().forEach(e -> all.addAll(e.skipped()));
        all.sort(null);
        return String.join("\n", all);
    }

    /** The byproduct: digest of {@link #skippedListText} (of "" when nothing was skipped or no record exists). */
    public static ResourceDescriptor of(SelectionFile selection) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("mode", selection.mode());
        annotations.put("selected", selection.selectedCount());
        annotations.put("skipped", selection.skippedCount());
        List<Map<String, Object>> perExecution = new ArrayList<>();
        for (SelectionFile.Execution e : selection.executions()) {
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
        String digest = Digests.sha256(skippedListText(selection).getBytes(StandardCharsets.UTF_8));
        return new ResourceDescriptor(NAME, null, Map.of("sha256", digest), null, MEDIA_TYPE, annotations);
    }
}
