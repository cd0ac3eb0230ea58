package dev.ard.core.selection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoriesTest {

    @TempDir
    Path dir;

    @Test
    void picksTheLayout() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("builds.csv"), "build_id,order,commit,committed_at\nb1,1,a,\n");
        Files.writeString(
                csv.resolve("results.csv"), "build_id,test_class,tests,failures,duration_s\nb1,x.ATest,1,0,0.1\n");
        assertThat(Histories.read(csv).source()).startsWith("csv:");

        Path xml = Files.createDirectories(dir.resolve("xml/0001"));
        Files.writeString(
                xml.resolve("TEST-x.ATest.xml"),
                "<testsuite name=\"x.ATest\"><testcase classname=\"x.ATest\" name=\"a\" time=\"0.1\"/></testsuite>");
        assertThat(Histories.read(dir.resolve("xml")).source()).startsWith("junit-xml:");
    }

    @Test
    void neitherLayoutOrNoFolderIsExplained() throws IOException {
        Files.createDirectories(dir.resolve("empty/0001"));
        assertThatThrownBy(() -> Histories.read(dir.resolve("empty"))).hasMessageContaining("neither builds.csv");
        assertThatThrownBy(() -> Histories.read(dir.resolve("missing"))).hasMessageContaining("no history folder");
    }
}
