package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class ReporterInjectionTest {

    private static Xpp3Dom xml(String text) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(text));
    }

    private static Plugin surefire(String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        plugin.setVersion(version);
        return plugin;
    }

    private static Dependency reporterDependency() {
        Dependency dependency = new Dependency();
        dependency.setGroupId("dev.ard");
        dependency.setArtifactId("ard-surefire-reporter");
        dependency.setVersion("0.1.0");
        return dependency;
    }

    @Test
    void statelessReporterExistsSince300M4() {
        assertThat(ReporterInjection.supportsStatelessReporter("2.22.2")).isFalse();
        assertThat(ReporterInjection.supportsStatelessReporter("3.0.0-M3")).isFalse();
        assertThat(ReporterInjection.supportsStatelessReporter("3.0.0-M4")).isTrue();
        assertThat(ReporterInjection.supportsStatelessReporter("3.0.0-M9")).isTrue();
        assertThat(ReporterInjection.supportsStatelessReporter("3.0.0")).isTrue();
        assertThat(ReporterInjection.supportsStatelessReporter("3.5.4")).isTrue();
        assertThat(ReporterInjection.supportsStatelessReporter("3.6.0-SNAPSHOT"))
                .isTrue();
    }

    @Test
    void unknownVersionIsNotTrusted() {
        assertThat(ReporterInjection.supportsStatelessReporter(null)).isFalse();
        assertThat(ReporterInjection.supportsStatelessReporter(" ")).isFalse();
        assertThat(ReporterInjection.supportsStatelessReporter("${surefire.version}"))
                .isFalse();
    }

    @Test
    void userReporterAtPluginLevelIsRespected() throws Exception {
        Plugin plugin = surefire("3.5.4");
        plugin.setConfiguration(
                xml("<configuration><statelessTestsetReporter implementation=\"x.Y\"/></configuration>"));

        assertThat(ReporterInjection.hasUserReporter(plugin)).isTrue();
        assertThat(ReporterInjection.wantsDependency(plugin)).isFalse();
    }

    @Test
    void userReporterAtExecutionLevelIsRespected() throws Exception {
        Plugin plugin = surefire("3.5.4");
        plugin.setConfiguration(xml("<configuration><skipTests>false</skipTests></configuration>"));
        PluginExecution execution = new PluginExecution();
        execution.setId("slow-tests");
        execution.setConfiguration(
                xml("<configuration><statelessTestsetReporter implementation=\"x.Y\"/></configuration>"));
        plugin.addExecution(execution);

        assertThat(ReporterInjection.hasUserReporter(plugin)).isTrue();
        assertThat(ReporterInjection.wantsDependency(plugin)).isFalse();
    }

    @Test
    void otherReportersAreNotTheStatelessOne() throws Exception {
        Plugin plugin = surefire("3.5.4");
        plugin.setConfiguration(
                xml("<configuration><consoleOutputReporter/><statelessTestsetInfoReporter/></configuration>"));

        assertThat(ReporterInjection.wantsDependency(plugin)).isTrue();
    }

    @Test
    void wantsDependencyOnlyForCapableTestPlugins() {
        Plugin compiler = surefire("3.5.4");
        compiler.setArtifactId("maven-compiler-plugin");
        Plugin failsafe = surefire("3.0.0-M4");
        failsafe.setArtifactId("maven-failsafe-plugin");

        assertThat(ReporterInjection.wantsDependency(surefire("3.5.4"))).isTrue();
        assertThat(ReporterInjection.wantsDependency(failsafe)).isTrue();
        assertThat(ReporterInjection.wantsDependency(surefire("2.22.2"))).isFalse();
        assertThat(ReporterInjection.wantsDependency(compiler)).isFalse();
    }

    @Test
    void addDependencyOnce() {
        Plugin plugin = surefire("3.5.4");

        ReporterInjection.addDependency(plugin, "0.1.0");
        ReporterInjection.addDependency(plugin, "0.1.0");

        assertThat(plugin.getDependencies()).hasSize(1);
        Dependency added = plugin.getDependencies().get(0);
        assertThat(added.getGroupId() + ":" + added.getArtifactId() + ":" + added.getVersion())
                .isEqualTo("dev.ard:ard-surefire-reporter:0.1.0");
        assertThat(ReporterInjection.wantsDependency(plugin)).isFalse();
    }

    @Test
    void decideUsesReporterOnlyWhenEverythingFits() throws Exception {
        Xpp3Dom plain = xml("<configuration><reportsDirectory>x</reportsDirectory></configuration>");
        Xpp3Dom custom = xml("<configuration><statelessTestsetReporter implementation=\"x.Y\"/></configuration>");

        assertThat(ReporterInjection.decide("surefire", "3.5.4", plain, List.of(reporterDependency())))
                .isEqualTo(new ReporterInjection.Decision(true, null));
        assertThat(ReporterInjection.decide("surefire", "3.5.4", null, List.of(reporterDependency()))
                        .useReporter())
                .isTrue();
        assertThat(ReporterInjection.decide("surefire", "2.22.2", plain, List.of(reporterDependency())))
                .isEqualTo(new ReporterInjection.Decision(
                        false, "surefire 2.22.2 predates statelessTestsetReporter (3.0.0-M4)"));
        assertThat(ReporterInjection.decide("failsafe", "3.5.4", custom, List.of(reporterDependency())))
                .isEqualTo(new ReporterInjection.Decision(false, "user-configured statelessTestsetReporter"));
        assertThat(ReporterInjection.decide("surefire", "3.5.4", plain, List.of()))
                .isEqualTo(new ReporterInjection.Decision(false, "ard-surefire-reporter not on the plugin classpath"));
    }

    @Test
    void reporterElementIsWhatSurefireExpects() throws Exception {
        Path results = Path.of("/abs/module/target/ard/surefire-default-test.jsonl");
        Xpp3Dom configuration = xml("<configuration><reportsDirectory>r</reportsDirectory></configuration>");

        Xpp3Dom edited = ReporterInjection.withReporter(configuration, results);

        assertThat(edited).isSameAs(configuration);
        Xpp3Dom reporter = edited.getChild("statelessTestsetReporter");
        assertThat(reporter.getAttribute("implementation")).isEqualTo("dev.ard.surefire.ArdStatelessTestsetReporter");
        assertThat(reporter.getChild("resultsFile").getValue()).isEqualTo(results.toString());
        assertThat(edited.getChild("reportsDirectory").getValue()).isEqualTo("r");
        // Once added, the execution counts as having a reporter: a second pass would not add another.
        assertThat(ReporterInjection.hasUserReporter(edited)).isTrue();
    }

    @Test
    void reporterElementOnMissingConfiguration() {
        Xpp3Dom edited = ReporterInjection.withReporter(null, Path.of("/t/ard/failsafe-it.jsonl"));

        assertThat(edited.getName()).isEqualTo("configuration");
        assertThat(edited.getChildren()).hasSize(1);
    }
}
