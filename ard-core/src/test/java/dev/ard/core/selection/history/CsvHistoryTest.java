package dev.ard.core.selection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvHistoryTest {

    @TempDir
    Path dir;

    private void write(String builds, String results, String changes) throws IOException {
        Files.writeString(dir.resolve("builds.csv"), "build_id,order,commit,committed_at\n" + builds);
        Files.writeString(dir.resolve("results.csv"), "build_id,test_class,tests,failures,duration_s\n" + results);
        if (changes != null) {
            Files.writeString(dir.resolve("changes.csv"), "build_id,path\n" + changes);
        }
    }

    @Test
    void readsBuildsInOrderWithTheirSuiteChangesAndFailures() throws IOException {
        write(
                "b2,2,bbb,2020-01-02T00:00:00Z\nb1,1,aaa,2020-01-01T00:00:00Z\n",
                "b1,com.x.FooTest,3,0,0.5\nb2,com.x.FooTest,3,2,0.006999999999999999\nb2,com.x.BarTest,1,0,1\n",
                "b2,src/main/java/com/x/Foo.java\nb2,pom.xml\n");

        History h = CsvHistory.read(dir);

        assertThat(h.bytecode()).isFalse();
        assertThat(h.builds()).extracting(HistoryBuild::id).containsExactly("b1", "b2");
        HistoryBuild b2 = h.builds().get(1);
        assertThat(b2.time()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
        assertThat(b2.changedPaths()).containsExactly("src/main/java/com/x/Foo.java", "pom.xml");
        assertThat(b2.tests().get("com.x.FooTest").failed()).isTrue();
        assertThat(b2.tests().get("com.x.FooTest").durationMs())
                .isCloseTo(7.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b2.failingClasses()).containsExactly("com.x.FooTest");
        assertThat(h.builds().get(0).changedPaths()).isEmpty();
        assertThat(h.failingBuilds()).isEqualTo(1);
        assertThat(h.failingTests()).isEqualTo(1);
        assertThat(h.rows()).isEqualTo(3);
    }

    @Test
    void aMalformedRowNamesFileAndLine() throws IOException {
        write("b1,1,aaa,2020-01-01T00:00:00Z\n", "b1,com.x.FooTest,3,zero,0.5\n", null);
        assertThatThrownBy(() -> CsvHistory.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("results.csv:2");
    }

    @Test
    void aResultOfAnUnknownBuildIsRefused() throws IOException {
        write("b1,1,aaa,2020-01-01T00:00:00Z\n", "b9,com.x.FooTest,3,0,0.5\n", null);
        assertThatThrownBy(() -> CsvHistory.read(dir)).hasMessageContaining("unknown build b9");
    }

    @Test
    void readsTheSharedDatasets() throws IOException {
        History codec = CsvHistory.read(SharedHistory.dataset("codec"));
        // counts from the dataset's README
        assertThat(codec.builds()).hasSize(615);
        assertThat(codec.rows()).isEqualTo(3170);
        assertThat(codec.failingBuilds()).isEqualTo(3);
    }
}
