package dev.ard.maven.plugin.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ReactorCountTest {
    @Test
    void commandLineGoals() {
        assertThat(ReactorCount.namedOnCommandLine(List.of("clean", "verify", "ard:provenance")))
                .isTrue();
        assertThat(ReactorCount.namedOnCommandLine(List.of("dev.ard:ard-maven-plugin:0.1.0:provenance")))
                .isTrue();
        assertThat(ReactorCount.namedOnCommandLine(List.of("verify", "ard:stats")))
                .isFalse();
    }

    @Test
    void pomBinding() {
        assertThat(ReactorCount.bindsProvenance(project("provenance"))).isTrue();
        assertThat(ReactorCount.bindsProvenance(project("stats"))).isFalse();
        assertThat(ReactorCount.bindsProvenance(new MavenProject(new Model()))).isFalse();
    }

    private static MavenProject project(String goal) {
        PluginExecution execution = new PluginExecution();
        execution.addGoal(goal);
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.ard");
        plugin.setArtifactId("ard-maven-plugin");
        plugin.addExecution(execution);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }
}
