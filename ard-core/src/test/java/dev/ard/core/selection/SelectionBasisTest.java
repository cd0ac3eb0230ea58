package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.git.ChangeSet;
import dev.ard.core.selection.predictive.PredictiveContext;
import dev.ard.core.telemetry.TestHistory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionBasisTest {

    private static final ChangeSet CHANGES = ChangeSet.of(List.of("a/B.java"));
    private static final Path TREE = Path.of("repo");

    @Test
    void aSelectingBasisNeedsASelectingModeAndPredictiveAReadyModel() {
        PredictiveContext notReady =
                new PredictiveContext(null, null, "no trained model in the store yet (mvn ard:train)");

        assertThatThrownBy(() ->
                        new SelectionBasis.Select(SelectionMode.ALL, CHANGES, TestHistory.EMPTY, null, TREE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SelectionBasis.Select(
                        SelectionMode.PREDICTIVE, CHANGES, TestHistory.EMPTY, null, TREE, notReady))
                .isInstanceOf(IllegalArgumentException.class);
        SelectionBasis.Select fellBack =
                new SelectionBasis.Select(SelectionMode.SAFE, CHANGES, null, null, TREE, notReady);
        assertThat(fellBack.predictiveNotReady()).isEqualTo("no trained model in the store yet (mvn ard:train)");
        assertThat(fellBack.history()).isSameAs(TestHistory.EMPTY);
        assertThat(fellBack.moduleRunAllReason("g:a")).isNull();
    }

    @Test
    void aModeThatDoesNotSelectRunsAllForItself() {
        assertThat(SelectionBasis.RunAll.notSelecting(SelectionMode.ALL))
                .isEqualTo(new SelectionBasis.RunAll(SelectionMode.ALL, "ard.selection=all"));
        assertThatThrownBy(() -> new SelectionBasis.RunAll(SelectionMode.SAFE, null))
                .isInstanceOf(NullPointerException.class);
    }
}
