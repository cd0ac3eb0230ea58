package dev.ard.surefire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.surefire.extensions.SurefireStatelessReporter;
import org.apache.maven.surefire.api.util.ReflectionUtils;
import org.apache.maven.surefire.extensions.StatelessReporter;
import org.apache.maven.surefire.shared.utils.StringUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surefire clones the reporter into the in-process test class loader ({@code forkCount=0}). These
 * tests clone into real, isolated class loaders built from the real Surefire jars.
 */
class CloneTest {
    @TempDir
    Path dir;

    @Test
    void theCloneLivesInTheTargetLoaderAndKeepsEverySetting() throws Exception {
        ArdStatelessTestsetReporter reporter = reporter();
        try (URLClassLoader target = loader(true)) {
            Object clone = reporter.clone(target);

            assertThat(clone.getClass().getName()).isEqualTo(ArdStatelessTestsetReporter.class.getName());
            assertThat(clone.getClass().getClassLoader()).isSameAs(target);
            assertThat(call(clone, "getResultsFile")).isEqualTo(reporter.getResultsFile());
            assertThat(call(clone, "isDisable")).isEqualTo(true);
            assertThat(call(clone, "getVersion")).isEqualTo("3.0.1");
            assertThat(clone.toString()).contains("resultsFile=" + reporter.getResultsFile());
        }
        assertThat(ResultsFile.failedMarker(reporter.getResultsFile().toPath())).doesNotExist();
    }

    @Test
    void withoutThisJarInTheTargetLoaderTheDefaultReporterRunsAndTheMarkerSaysWhy() throws Exception {
        ArdStatelessTestsetReporter reporter = reporter();
        try (URLClassLoader target = loader(false)) {
            Object clone = reporter.clone(target);

            assertThat(clone.getClass().getName()).isEqualTo(SurefireStatelessReporter.class.getName());
            assertThat(clone.getClass().getClassLoader()).isSameAs(target);
            assertThat(call(clone, "isDisable")).isEqualTo(true);
            assertThat(call(clone, "getVersion")).isEqualTo("3.0.1");
        }
        assertThat(Files.readString(
                        ResultsFile.failedMarker(reporter.getResultsFile().toPath()), UTF_8))
                .contains("forkCount=0");
    }

    private ArdStatelessTestsetReporter reporter() {
        ArdStatelessTestsetReporter reporter = new ArdStatelessTestsetReporter();
        reporter.setResultsFile(dir.resolve("ard/results.jsonl").toFile());
        reporter.setDisable(true);
        reporter.setVersion("3.0.1");
        return reporter;
    }

    /** Surefire's jars, and this module's classes when {@code withArd}; nothing from the test loader. */
    private static URLClassLoader loader(boolean withArd) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Class<?> fromJar : List.of(
                SurefireStatelessReporter.class, StatelessReporter.class, ReflectionUtils.class, StringUtils.class)) {
            urls.add(fromJar.getProtectionDomain().getCodeSource().getLocation());
        }
        if (withArd) {
            urls.add(ArdStatelessTestsetReporter.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Object call(Object target, String getter) throws ReflectiveOperationException {
        return target.getClass().getMethod(getter).invoke(target);
    }

    @Test
    void theIsolatedLoaderReallyLacksThisJar() throws Exception {
        try (URLClassLoader target = loader(false)) {
            assertThatThrownBy(() -> target.loadClass(ArdStatelessTestsetReporter.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
