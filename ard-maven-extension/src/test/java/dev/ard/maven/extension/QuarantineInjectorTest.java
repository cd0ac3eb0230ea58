package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class QuarantineInjectorTest {

    private static final List<String> PATTERNS = List.of("com.x.NetworkTest", "com.x.*IT");

    private static Plugin plugin(String artifactId, PluginExecution... executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        for (PluginExecution e : executions) {
            plugin.addExecution(e);
        }
        return plugin;
    }

    private static PluginExecution execution(String id, String phase, Xpp3Dom configuration, String... goals) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        for (String goal : goals) {
            execution.addGoal(goal);
        }
        execution.setConfiguration(configuration);
        return execution;
    }

    private static Xpp3Dom configuration(String... nameValues) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (int i = 0; i < nameValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(nameValues[i]);
            child.setValue(nameValues[i + 1]);
            configuration.addChild(child);
        }
        return configuration;
    }

    private static String value(PluginExecution execution, String name) {
        Xpp3Dom child = ((Xpp3Dom) execution.getConfiguration()).getChild(name);
        return child == null ? null : child.getValue();
    }

    @Test
    void aSurefireTestExecutionGetsASiblingRightAfterItWithTheConfigurationCopied() {
        Build build = new Build();
        Xpp3Dom original = configuration("forkCount", "2", "testFailureIgnore", "false");
        build.addPlugin(plugin(
                "maven-surefire-plugin",
                execution("default-test", "test", original, "test"),
                execution("slow", "test", null, "test")));

        assertThat(QuarantineInjector.inject(build, PATTERNS)).isEqualTo(2);

        List<PluginExecution> executions = build.getPlugins().get(0).getExecutions();
        assertThat(executions)
                .extracting(PluginExecution::getId)
                .containsExactly("default-test", "ard-quarantine-default-test", "slow", "ard-quarantine-slow");
        PluginExecution sibling = executions.get(1);
        assertThat(sibling.getPhase()).isEqualTo("test");
        assertThat(sibling.getGoals()).containsExactly("test");
        assertThat(value(sibling, "forkCount")).isEqualTo("2");
        assertThat(value(sibling, "testFailureIgnore")).isEqualTo("true");
        assertThat(value(sibling, "failIfNoSpecifiedTests")).isEqualTo("false");
        assertThat(value(sibling, "test")).isEqualTo("com.x.NetworkTest,com.x.*IT");
        assertThat(value(sibling, "summaryFile")).isNull();
        assertThat(((Xpp3Dom) sibling.getConfiguration()).getChildren("testFailureIgnore"))
                .hasSize(1);
        // the original is left as it was
        assertThat(value(executions.get(0), "testFailureIgnore")).isEqualTo("false");
        assertThat(value(executions.get(0), "test")).isNull();
        assertThat(value(executions.get(3), "test")).isEqualTo("com.x.NetworkTest,com.x.*IT");
        assertThat(build.getPlugins().get(0).getExecutionsAsMap()).containsKey("ard-quarantine-slow");

        assertThat(QuarantineInjector.inject(build, PATTERNS)).as("idempotent").isZero();
        assertThat(build.getPlugins().get(0).getExecutions()).hasSize(4);
    }

    @Test
    void failsafeRunsOnlyIntegrationTestWithItsOwnSummaryFile() {
        Build build = new Build();
        build.addPlugin(
                plugin("maven-failsafe-plugin", execution("default", null, null, "integration-test", "verify")));

        assertThat(QuarantineInjector.inject(build, PATTERNS)).isEqualTo(1);

        PluginExecution sibling = build.getPlugins().get(0).getExecutions().get(1);
        assertThat(sibling.getId()).isEqualTo("ard-quarantine-default");
        assertThat(sibling.getPhase())
                .as("the goal's default phase, as the original's")
                .isNull();
        assertThat(sibling.getGoals()).containsExactly("integration-test");
        assertThat(value(sibling, "summaryFile"))
                .isEqualTo("${project.build.directory}/ard/failsafe-ard-quarantine-default-summary.xml");
        assertThat(value(sibling, "testFailureIgnore")).isEqualTo("true");
    }

    @Test
    void otherPluginsGoalsAndExecutionsThatNameTheirTestsAreLeftAlone() {
        Build build = new Build();
        build.addPlugin(plugin("maven-failsafe-plugin", execution("check", "verify", null, "verify")));
        build.addPlugin(plugin(
                "maven-surefire-plugin",
                execution("named", "test", configuration("test", "OnlyThisTest"), "test"),
                execution("help", null, null, "help")));
        Plugin other = plugin("maven-compiler-plugin", execution("default-compile", "compile", null, "compile"));
        build.addPlugin(other);

        assertThat(QuarantineInjector.inject(build, PATTERNS)).isZero();
        assertThat(build.getPlugins()).allSatisfy(p -> assertThat(p.getExecutions())
                .noneMatch(e -> QuarantineInjector.isQuarantineExecution(e.getId())));
    }
}
