package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.model.SelectionByproduct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionFileTest {

    @TempDir
    Path dir;

    private static final SelectionFile FILE = new SelectionFile(
            "predictive",
            List.of(
                    new SelectionFile.Execution(
                            "surefire", "default-test", List.of("a.ATest", "a.BTest"), List.of("a.CTest")),
                    new SelectionFile.Execution("failsafe", "integration-test", List.of(), List.of("a.DIT", "a.EIT"))));

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        Path file = SelectionFile.in(dir.resolve("target"));
        FILE.write(file);

        assertThat(file).isEqualTo(dir.resolve("target/ard/selection.json"));
        assertThat(SelectionFile.read(file)).isEqualTo(FILE);
        assertThat(SelectionByproduct.skippedListText(SelectionFile.read(file))).isEqualTo("a.CTest\na.DIT\na.EIT");
    }

    @Test
    void theFormatIsTheDocumentedOne() throws IOException {
        String json = new String(FILE.toJson(), StandardCharsets.UTF_8).replaceAll("\\s+", "");

        assertThat(json)
                .isEqualTo(
                        "{\"mode\":\"predictive\",\"executions\":["
                                + "{\"plugin\":\"surefire\",\"execution\":\"default-test\",\"selected\":[\"a.ATest\",\"a.BTest\"],\"skipped\":[\"a.CTest\"]},"
                                + "{\"plugin\":\"failsafe\",\"execution\":\"integration-test\",\"selected\":[],\"skipped\":[\"a.DIT\",\"a.EIT\"]}]}");
    }

    @Test
    void aMissingFileIsNoneAndAMalformedOneIsNamed() throws IOException {
        assertThat(SelectionFile.read(dir.resolve("absent.json"))).isEqualTo(SelectionFile.NONE);
        Path noMode = Files.writeString(dir.resolve("no-mode.json"), "{\"executions\":[]}");
        Path notJson = Files.writeString(dir.resolve("not-json.json"), "{oops");

        assertThatThrownBy(() -> SelectionFile.read(noMode))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-mode.json");
        assertThatThrownBy(() -> SelectionFile.read(notJson))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not-json.json");
    }
}
