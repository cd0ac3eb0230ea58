package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.selection.SelectionBasis;
import dev.ard.core.selection.SelectionMode;
import dev.ard.core.telemetry.RecordedMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSelectionTest {

    @TempDir
    Path tmp;

    private final RecordingLogger log = new RecordingLogger();

    private BuildSelection selection(CompletableFuture<SelectionBasis> basis, String timeout) {
        ArdProperties properties = ArdProperties.from(Map.of("ard.selection.timeout", timeout));
        return new BuildSelection(properties, basis, tmp, tmp.resolve("cache"), log.logger);
    }

    @Test
    void aBasisThatNeverArrivesRunsAllTestsPastTheDeadlineWithOneWarning() {
        CompletableFuture<SelectionBasis> never = new CompletableFuture<>();
        BuildSelection selection = selection(never, "50ms");
        assertThat(selection.basisReady()).isFalse();

        SelectionBasis basis = selection.basis();

        assertThat(basis).isInstanceOf(SelectionBasis.RunAll.class);
        assertThat(((SelectionBasis.RunAll) basis).reason()).contains("ard.selection.timeout=50ms");
        assertThat(selection.basisReady()).isTrue();
        // later executions (and a resolution that ends after all) keep the run-all basis, without another warning
        never.complete(SelectionBasis.RunAll.notSelecting(SelectionMode.ALL));
        assertThat(selection.basis()).isSameAs(basis);
        assertThat(selection.effectiveMode()).isEqualTo(RecordedMode.SAFE);
        assertThat(log.at("warn")).singleElement().asString().contains("running all tests");
    }

    @Test
    void aBasisReadyInTimeIsUsedWithoutAWarning() {
        SelectionBasis ready = SelectionBasis.RunAll.notSelecting(SelectionMode.ALL);
        BuildSelection selection = selection(CompletableFuture.completedFuture(ready), "10s");
        assertThat(selection.basis()).isSameAs(ready);
        assertThat(log.lines).isEmpty();
    }

    @Test
    void theTimeoutDefaultsToTenSecondsAndABadValueFallsBackToIt() {
        assertThat(ArdProperties.from(Map.of()).selectionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ArdProperties.from(Map.of("ard.selection.timeout", "soon")).selectionTimeout())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(ArdProperties.from(Map.of("ard.selection.timeout", "1500ms")).selectionTimeout())
                .isEqualTo(Duration.ofMillis(1500));
    }
}
