package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.selection.SelectionFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionByproductTest {
    @TempDir
    Path dir;

    @Test
    void countsAndDigestOfTheSortedSkippedList() throws IOException {
        Path file = Files.writeString(dir.resolve("selection.json"), """
                {"mode":"safe","executions":[
                  {"plugin":"surefire","execution":"default-test","selected":["a.B","a.C"],"skipped":["z.Y","c.D"]},
                  {"plugin":"failsafe","execution":"default","selected":["it.X"],"skipped":["b.E"]}]}
                """);
        SelectionFile record = SelectionFile.read(file);
        ResourceDescriptor byproduct = SelectionByproduct.of(record);

        assertThat(SelectionByproduct.skippedListText(record)).isEqualTo("b.E\nc.D\nz.Y");
        assertThat(byproduct.name()).isEqualTo("ard-test-selection");
        assertThat(byproduct.digest())
                .isEqualTo(Map.of("sha256", Digests.sha256("b.E\nc.D\nz.Y".getBytes(StandardCharsets.UTF_8))));
        assertThat(byproduct.annotations())
                .containsEntry("mode", "safe")
                .containsEntry("selected", 3)
                .containsEntry("skipped", 3);
        assertThat(byproduct.annotations().get("executions")).asList().hasSize(2);
    }

    @Test
    void missingRecordIsModeNoneWithTheDigestOfNothing() throws IOException {
        ResourceDescriptor byproduct = SelectionByproduct.of(SelectionFile.read(dir.resolve("absent.json")));
        assertThat(byproduct.annotations())
                .containsEntry("mode", "none")
                .containsEntry("selected", 0)
                .containsEntry("skipped", 0);
        assertThat(byproduct.digest())
                .containsEntry("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void malformedRecordNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("selection.json"), "{\"executions\":[]}");
        assertThatThrownBy(() -> SelectionFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
        Files.writeString(file, "{oops");
        assertThatThrownBy(() -> SelectionFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
