package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.maven.extension.SbomInjector.Result;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class SbomInjectorTest {

    private static Plugin cyclonedx(String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(SbomInjector.GROUP_ID);
        plugin.setArtifactId(SbomInjector.ARTIFACT_ID);
        plugin.setVersion(version);
        return plugin;
    }

    private static Plugin only(Build build) {
        return build.getPluginsAsMap().get("org.cyclonedx:cyclonedx-maven-plugin");
    }

    @Test
    void addsThePluginWithOneMakeBomExecutionAtPackage() {
        Build build = new Build();
        assertThat(SbomInjector.inject(build, false, SbomInjector.DEFAULT_VERSION))
                .isEqualTo(Result.ADDED);

        Plugin plugin = only(build);
        assertThat(plugin.getVersion()).isEqualTo("2.9.1");
        assertThat(plugin.getExecutions()).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo("ard-sbom");
            assertThat(e.getPhase()).isEqualTo("package");
            assertThat(e.getGoals()).containsExactly("makeBom");
            assertThat(((Xpp3Dom) e.getConfiguration()).getChild("outputFormat").getValue())
                    .isEqualTo("json");
        });
        assertThat(SbomInjector.inject(build, false, SbomInjector.DEFAULT_VERSION))
                .as("idempotent")
                .isEqualTo(Result.ALREADY_CONFIGURED);
        assertThat(build.getPlugins()).hasSize(1);
        assertThat(only(build).getExecutions()).hasSize(1);
    }

    @Test
    void aPomThatRunsMakeBomOrTheAggregateIsLeftAlone() {
        for (String goal : new String[] {"makeBom", "makeAggregateBom"}) {
            Build build = new Build();
            Plugin plugin = cyclonedx("2.8.0");
            PluginExecution execution = new PluginExecution();
            execution.addGoal(goal);
            plugin.addExecution(execution);
            build.addPlugin(plugin);

            assertThat(SbomInjector.inject(build, false, "2.9.1")).as(goal).isEqualTo(Result.ALREADY_CONFIGURED);
            assertThat(only(build).getExecutions()).hasSize(1);
            assertThat(only(build).getVersion()).isEqualTo("2.8.0");
        }
    }

    @Test
    void theUsersPluginWithoutExecutionKeepsItsVersionAndConfiguration() {
        Build build = new Build();
        Plugin plugin = cyclonedx("2.9.0");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom schema = new Xpp3Dom("schemaVersion");
        schema.setValue("1.5");
        configuration.addChild(schema);
        plugin.setConfiguration(configuration);
        build.addPlugin(plugin);

        assertThat(SbomInjector.inject(build, false, "2.9.1")).isEqualTo(Result.ADDED);
        assertThat(build.getPlugins()).hasSize(1);
        assertThat(only(build).getVersion()).isEqualTo("2.9.0");
        assertThat(((Xpp3Dom) only(build).getConfiguration())
                        .getChild("schemaVersion")
                        .getValue())
                .isEqualTo("1.5");
        assertThat(only(build).getExecutions())
                .extracting(PluginExecution::getId)
                .containsExactly("ard-sbom");
    }

    @Test
    void pluginManagementGivesVersionAndConfiguration() {
        Build build = new Build();
        PluginManagement management = new PluginManagement();
        Plugin managed = cyclonedx("2.7.11");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom type = new Xpp3Dom("projectType");
        type.setValue("application");
        configuration.addChild(type);
        managed.setConfiguration(configuration);
        management.addPlugin(managed);
        build.setPluginManagement(management);

        assertThat(SbomInjector.inject(build, false, "2.9.1")).isEqualTo(Result.ADDED);
        assertThat(only(build).getVersion()).isEqualTo("2.7.11");
        assertThat(((Xpp3Dom) only(build).getConfiguration())
                        .getChild("projectType")
                        .getValue())
                .isEqualTo("application");
        assertThat(only(build).getConfiguration())
                .as("a copy, not the managed object")
                .isNotSameAs(managed.getConfiguration());
    }

    @Test
    void offlineAddsNothing() {
        Build build = new Build();
        assertThat(SbomInjector.inject(build, true, "2.9.1")).isEqualTo(Result.OFFLINE);
        assertThat(build.getPlugins()).isEmpty();

        Build configured = new Build();
        Plugin plugin = cyclonedx("2.9.1");
        PluginExecution execution = new PluginExecution();
        execution.addGoal("makeBom");
        plugin.addExecution(execution);
        configured.addPlugin(plugin);
        assertThat(SbomInjector.inject(configured, true, "2.9.1"))
                .as("the user's own execution is theirs to run")
                .isEqualTo(Result.ALREADY_CONFIGURED);
    }
}
