package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.telemetry.AttemptKind;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.ModuleRun;
import dev.ard.core.telemetry.MojoTiming;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestAttempt;
import dev.ard.core.telemetry.TestResult;
import dev.ard.core.telemetry.XmlReadResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener over Maven's own (plain data) model objects, as a build would drive it: MojoStarted,
 * the mojo "runs" (the test writes what the reporter would), MojoSucceeded/MojoFailed.
 */
class ArdExecutionListenerTest {

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();
    private final BuildRecorder recorder = new BuildRecorder();
    private final List<Path> readResultsFiles = new ArrayList<>();
    private final List<Path> readReportDirs = new ArrayList<>();

    private record Event(Type type, MavenProject project, MojoExecution execution) implements ExecutionEvent {
        @Override
        public Type getType() {
            return type;
        }

        @Override
        public MavenSession getSession() {
            return null;
        }

        @Override
        public MavenProject getProject() {
            return project;
        }

        @Override
        public MojoExecution getMojoExecution() {
            return execution;
        }

        @Override
        public Exception getException() {
            return null;
        }
    }

    private TestRunCollector collector() {
        return new TestRunCollector(
                file -> {
                    readResultsFiles.add(file);
                    return Files.readAllLines(file).stream()
                            .map(line -> new TestAttempt("a.BTest", line, 3, AttemptKind.SUCCESS, null, null))
                            .toList();
                },
                (reports, since) -> {
                    readReportDirs.add(reports);
                    return new XmlReadResult(
                            List.of(new TestAttempt(
                                    "a.BTest", "xml", 3, AttemptKind.FAILURE, "java.lang.AssertionError", null)),
                            List.of());
                },
                (module, plugin, executionId, attempts) -> attempts.stream()
                        .map(a -> new TestResult(
                                module,
                                plugin,
                                executionId,
                                a.className(),
                                a.methodName(),
                                a.durationMs(),
                                a.kind() == AttemptKind.SUCCESS ? Outcome.PASSED : Outcome.FAILED,
                                0,
                                false,
                                a.failureType(),
                                null))
                        .toList());
    }

    private ArdExecutionListener listener(boolean strict) {
        return new ArdExecutionListener(recorder, collector(), null, new Faults(log.logger, strict));
    }

    private MavenProject project() {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("app");
        model.setVersion("1.0");
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        return project;
    }

    private static MojoExecution execution(
            String artifactId,
            String version,
            String goal,
            String executionId,
            boolean withReporter,
            String configuration)
            throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        plugin.setVersion(version);
        if (withReporter) {
            ReporterInjection.addDependency(plugin, "0.1.0");
        }
        PluginDescriptor pluginDescriptor = new PluginDescriptor();
        pluginDescriptor.setGroupId(plugin.getGroupId());
        pluginDescriptor.setArtifactId(artifactId);
        pluginDescriptor.setVersion(version);
        pluginDescriptor.setPlugin(plugin);
        MojoDescriptor mojoDescriptor = new MojoDescriptor();
        mojoDescriptor.setGoal(goal);
        mojoDescriptor.setPluginDescriptor(pluginDescriptor);
        MojoExecution execution = new MojoExecution(mojoDescriptor, executionId);
        execution.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
        return execution;
    }

    @Test
    void surefireWithReporterIsRedirectedAndItsResultsFileRead() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        MojoExecution test = execution(
                "maven-surefire-plugin",
                "3.5.4",
                "test",
                "default-test",
                true,
                "<configuration><skip>false</skip></configuration>");
        Path resultsFile = dir.resolve("target/ard/surefire-default-test.jsonl");
        Files.createDirectories(resultsFile.getParent());
        Files.writeString(resultsFile, "staleFromLastBuild\n");
        Path staleMarker =
                Files.writeString(dir.resolve("target/ard/surefire-default-test.jsonl.failed"), "old failure\n");

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));

        Xpp3Dom reporter = test.getConfiguration().getChild("statelessTestsetReporter");
        assertThat(reporter.getAttribute("implementation")).isEqualTo("dev.ard.surefire.ArdStatelessTestsetReporter");
        assertThat(reporter.getChild("resultsFile").getValue()).isEqualTo(resultsFile.toString());
        assertThat(resultsFile).doesNotExist();
        assertThat(staleMarker).doesNotExist();

        Files.writeString(resultsFile, "passes\nalsoPasses\n"); // what the reporter writes while the tests run
        listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test));

        assertThat(recorder.moduleRuns()).singleElement().satisfies(run -> {
            assertThat(run.module()).isEqualTo("com.example:app");
            assertThat(run.plugin()).isEqualTo("surefire");
            assertThat(run.executionId()).isEqualTo("default-test");
            assertThat(run.source()).isEqualTo("reporter");
            assertThat(run.note()).isNull();
        });
        assertThat(recorder.tests()).extracting(TestResult::methodName).containsExactly("passes", "alsoPasses");
        assertThat(readResultsFiles).containsExactly(resultsFile);
        assertThat(log.at("warn")).isEmpty();
    }

    @Test
    void userReporterIsLeftAloneAndXmlReportsAreRead() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        String configuration =
                "<configuration><statelessTestsetReporter implementation=\"org.example.Mine\"/></configuration>";
        MojoExecution it = execution("maven-failsafe-plugin", "3.5.4", "integration-test", "it", true, configuration);
        Files.createDirectories(dir.resolve("target/failsafe-reports"));

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, it));
        listener.mojoFailed(new Event(ExecutionEvent.Type.MojoFailed, project, it));

        assertThat(it.getConfiguration().getChildren("statelessTestsetReporter"))
                .hasSize(1);
        assertThat(it.getConfiguration().getChild("statelessTestsetReporter").getAttribute("implementation"))
                .isEqualTo("org.example.Mine");
        assertThat(readReportDirs).containsExactly(dir.resolve("target/failsafe-reports"));
        assertThat(recorder.moduleRuns())
                .extracting(ModuleRun::source, ModuleRun::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("xml", "user-configured statelessTestsetReporter"));
        assertThat(recorder.tests()).extracting(TestResult::outcome).containsExactly(Outcome.FAILED);
    }

    @Test
    void withoutTheReporterJarTheConfigurationIsUntouched() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        MojoExecution test =
                execution("maven-surefire-plugin", "3.5.4", "test", "default-test", false, "<configuration/>");

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));
        listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test));

        // Adding the element without the jar on the plugin's classpath would fail the user's build.
        assertThat(test.getConfiguration().getChild("statelessTestsetReporter")).isNull();
        assertThat(recorder.moduleRuns())
                .extracting(ModuleRun::note)
                .containsExactly("ard-surefire-reporter not on the plugin classpath");
    }

    @Test
    void everyMojoIsTimedTestGoalsOnlyAreCollected() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        MojoExecution compile =
                execution("maven-compiler-plugin", "3.14.0", "compile", "default-compile", false, "<configuration/>");
        MojoExecution verify = execution("maven-failsafe-plugin", "3.5.4", "verify", "it", true, "<configuration/>");

        for (MojoExecution execution : List.of(compile, verify)) {
            listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, execution));
            listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, execution));
        }

        assertThat(recorder.toTelemetry(
                                BuildRecorderTestSupport.context(), java.time.Instant.now(), BuildResult.SUCCESS)
                        .mojos())
                .extracting(MojoTiming::plugin, MojoTiming::goal, MojoTiming::succeeded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "org.apache.maven.plugins:maven-compiler-plugin:3.14.0", "compile", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "org.apache.maven.plugins:maven-failsafe-plugin:3.5.4", "verify", true));
        assertThat(recorder.moduleRuns()).isEmpty();
        assertThat(verify.getConfiguration().getChild("statelessTestsetReporter"))
                .isNull();
    }

    @Test
    void aFailureInArdIsOneWarningAndTheBuildGoesOn() throws Exception {
        ArdExecutionListener listener = new ArdExecutionListener(
                recorder,
                new TestRunCollector(
                        f -> List.of(),
                        (d, s) -> {
                            throw new IOException("TEST-x.xml: DOCTYPE is disallowed");
                        },
                        (m, p, e, a) -> List.of()),
                null,
                new Faults(log.logger, false));
        MavenProject project = project();
        MojoExecution test =
                execution("maven-surefire-plugin", "2.22.2", "test", "default-test", false, "<configuration/>");
        Files.createDirectories(dir.resolve("target/surefire-reports"));

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));
        listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test));

        assertThat(log.at("warn"))
                .containsExactly("ARD: collecting test results failed: TEST-x.xml: DOCTYPE is disallowed");
        assertThat(recorder.moduleRuns())
                .extracting(ModuleRun::module, ModuleRun::executionId, ModuleRun::source, ModuleRun::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "com.example:app",
                        "default-test",
                        "none",
                        "collecting results failed: TEST-x.xml: DOCTYPE is disallowed"));
        assertThat(recorder.tests()).isEmpty();
    }

    @Test
    void aFailedReporterIsOneWarningAndTheXmlIsRecorded() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        MojoExecution test =
                execution("maven-surefire-plugin", "3.5.4", "test", "default-test", true, "<configuration/>");
        Files.createDirectories(dir.resolve("target/surefire-reports"));

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));
        Files.writeString(
                dir.resolve("target/ard/surefire-default-test.jsonl.failed"), "java.lang.ClassNotFoundException: x\n");
        listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test));

        assertThat(log.at("warn"))
                .containsExactly(
                        "ARD: using ARD's Surefire reporter failed: the reporter could not write "
                                + "surefire-default-test.jsonl (java.lang.ClassNotFoundException: x); read TEST-*.xml reports instead");
        assertThat(recorder.moduleRuns()).extracting(ModuleRun::source).containsExactly("xml");
        assertThat(recorder.tests()).hasSize(1);
    }

    @Test
    void anUnwritableResultsFileFallsBackToXmlWithoutTheReporter() throws Exception {
        ArdExecutionListener listener = listener(false);
        MavenProject project = project();
        MojoExecution test =
                execution("maven-surefire-plugin", "3.5.4", "test", "default-test", true, "<configuration/>");
        Files.createDirectories(dir.resolve("target/surefire-reports"));
        Files.writeString(dir.resolve("target/ard"), "a file where the directory should be");

        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));
        listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test));

        assertThat(test.getConfiguration().getChild("statelessTestsetReporter")).isNull();
        assertThat(log.at("warn"))
                .singleElement()
                .asString()
                .startsWith("ARD: preparing surefire-default-test.jsonl failed: ")
                .endsWith("; reading TEST-*.xml reports instead");
        assertThat(recorder.moduleRuns()).extracting(ModuleRun::source).containsExactly("xml");
        assertThat(recorder.moduleRuns().get(0).note()).startsWith("cannot prepare ARD results file (");
    }

    @Test
    void strictFailsTheMojo() throws Exception {
        ArdExecutionListener listener = new ArdExecutionListener(
                recorder,
                new TestRunCollector(
                        f -> List.of(),
                        (d, s) -> {
                            throw new IOException("bad report");
                        },
                        (m, p, e, a) -> List.of()),
                null,
                new Faults(log.logger, true));
        MavenProject project = project();
        MojoExecution test =
                execution("maven-surefire-plugin", "2.22.2", "test", "default-test", false, "<configuration/>");
        Files.createDirectories(dir.resolve("target/surefire-reports"));
        listener.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project, test));

        assertThatThrownBy(() -> listener.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project, test)))
                .isInstanceOf(Faults.StrictFailure.class)
                .hasMessage("ARD: collecting test results failed: bad report");
    }

    @Test
    void chainCallsMavensListenerFirstAndIsRecognised() throws Exception {
        List<String> calls = new ArrayList<>();
        org.apache.maven.execution.AbstractExecutionListener maven =
                new org.apache.maven.execution.AbstractExecutionListener() {
                    @Override
                    public void mojoStarted(ExecutionEvent event) {
                        calls.add("maven");
                    }
                };
        ArdExecutionListener ard = listener(false);
        ChainedExecutionListener chain = new ChainedExecutionListener(maven, ard);
        MojoExecution compile =
                execution("maven-compiler-plugin", "3.14.0", "compile", "default-compile", false, "<configuration/>");

        chain.mojoStarted(new Event(ExecutionEvent.Type.MojoStarted, project(), compile));
        chain.mojoSucceeded(new Event(ExecutionEvent.Type.MojoSucceeded, project(), compile));

        assertThat(calls).containsExactly("maven");
        assertThat(recorder.toTelemetry(
                                BuildRecorderTestSupport.context(), java.time.Instant.now(), BuildResult.SUCCESS)
                        .mojos())
                .hasSize(1);
        assertThat(ChainedExecutionListener.hasArd(chain)).isTrue();
        assertThat(ChainedExecutionListener.hasArd(new ChainedExecutionListener(chain, maven)))
                .isTrue();
        assertThat(ChainedExecutionListener.hasArd(maven)).isFalse();
        assertThat(ChainedExecutionListener.hasArd(null)).isFalse();
    }

    /** Keeps the Dependency import honest: the reporter dependency added in {@link #execution} is the real one. */
    @Test
    void reporterDependencyCoordinates() throws Exception {
        MojoExecution test =
                execution("maven-surefire-plugin", "3.5.4", "test", "default-test", true, "<configuration/>");
        Dependency dependency = test.getPlugin().getDependencies().get(0);

        assertThat(dependency.getManagementKey()).isEqualTo("dev.ard:ard-surefire-reporter:jar");
    }
}
