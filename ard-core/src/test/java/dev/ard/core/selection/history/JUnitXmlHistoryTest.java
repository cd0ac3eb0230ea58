package dev.ard.core.selection.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlHistoryTest {

    @TempDir
    Path dir;

    private void report(String build, String className, String body) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(build));
        Files.writeString(
                folder.resolve("TEST-" + className + ".xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<testsuite name=\"" + className + "\" tests=\"2\">"
                        + body + "</testsuite>\n");
    }

    @Test
    void oneFolderPerBuildInNameOrderWithFailuresFlakinessAndChanges() throws IOException {
        report(
                "0002",
                "com.x.FooTest",
                "<testcase classname=\"com.x.FooTest\" name=\"a\" time=\"0.5\"><failure type=\"java.lang.AssertionError\">boom</failure></testcase>"
                        + "<testcase classname=\"com.x.FooTest\" name=\"b\" time=\"0.25\"/>");
        report("0001", "com.x.FooTest", "<testcase classname=\"com.x.FooTest\" name=\"a\" time=\"1.0\"/>");
        report(
                "0001",
                "com.x.BarTest",
                "<testcase classname=\"com.x.BarTest\" name=\"a\" time=\"0.1\">"
                        + "<flakyFailure type=\"java.lang.AssertionError\">first</flakyFailure></testcase>");
        Files.writeString(
                dir.resolve("0002").resolve(JUnitXmlHistory.CHANGES_FILE),
                "src/main/java/com/x/Foo.java\n\n  pom.xml \n");

        History h = JUnitXmlHistory.read(dir);

        assertThat(h.builds()).extracting(HistoryBuild::id).containsExactly("0001", "0002");
        HistoryBuild first = h.builds().get(0);
        assertThat(first.failed()).isFalse();
        assertThat(first.tests().get("com.x.BarTest").flaky()).isTrue();
        assertThat(first.changedPaths()).isEmpty();
        HistoryBuild second = h.builds().get(1);
        assertThat(second.failingClasses()).containsExactly("com.x.FooTest");
        assertThat(second.tests().get("com.x.FooTest").durationMs()).isEqualTo(750.0);
        assertThat(second.changedPaths()).containsExactly("src/main/java/com/x/Foo.java", "pom.xml");
    }

    @Test
    void aHostileReportIsRefusedWithItsName() throws IOException {
        report("0001", "com.x.EvilTest", "");
        Path evil = dir.resolve("0001").resolve("TEST-com.x.EvilTest.xml");
        Files.writeString(
                evil,
                "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuite>&x;</testsuite>");
        assertThatThrownBy(() -> JUnitXmlHistory.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("0001");
    }
}
