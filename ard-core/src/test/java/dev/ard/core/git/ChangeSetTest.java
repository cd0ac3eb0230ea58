package dev.ard.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.telemetry.Change;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

    @Test
    void aUserGivenListIsPreciseSortedAndWrittenAsGitWouldWriteIt() {
        ChangeSet changes = ChangeSet.of(Arrays.asList("c/D.java", " a\\B.java ", "./c/D.java/", "", null, "pom.xml"));

        assertThat(changes)
                .isEqualTo(new ChangeSet(
                        null,
                        ChangeSet.GIVEN,
                        List.of(
                                new Change("a/B.java", "MODIFIED"),
                                new Change("c/D.java", "MODIFIED"),
                                new Change("pom.xml", "MODIFIED")),
                        null));
        assertThat(changes.precise()).isTrue();
        assertThat(changes.paths()).containsExactly("a/B.java", "c/D.java", "pom.xml");
    }

    @Test
    void anEmptyOrMissingListIsAnEmptyPreciseChangeSet() {
        assertThat(ChangeSet.of(null)).isEqualTo(new ChangeSet(null, ChangeSet.GIVEN, List.of(), null));
        assertThat(ChangeSet.of(List.of(" ", "./"))).isEqualTo(ChangeSet.of(List.of()));
    }

    @Test
    void candidatesNeverHoldNullDirtyPaths() {
        assertThat(new BaseCandidates("a", "b", "c").lastGreenDirtyPaths()).isEmpty();
        assertThat(new BaseCandidates(null, null, "c", null).lastGreenDirtyPaths())
                .isEmpty();
        assertThat(BaseCandidates.lastGreen("c", Arrays.asList("x", null, " ")).lastGreenDirtyPaths())
                .containsExactly("x");
        assertThat(BaseCandidates.NONE).isEqualTo(new BaseCandidates(null, null, null));
    }
}
