package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class DependencyVerificationInjectorTest {

    private static MavenProject project(String artifactId) {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId(artifactId);
        model.setVersion("1");
        return new MavenProject(model);
    }

    @Test
    void bindsTheGoalToValidateOfTheFirstProjectOnly() {
        MavenProject first = project("parent");
        MavenProject second = project("module");
        assertThat(DependencyVerificationInjector.inject(List.of(first, second), "9.9"))
                .isTrue();

        Plugin plugin = first.getModel().getBuild().getPluginsAsMap().get("dev.ard:ard-maven-plugin");
        assertThat(plugin.getVersion()).isEqualTo("9.9");
        assertThat(plugin.getExecutions()).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo("ard-verify-dependencies");
            assertThat(e.getPhase()).isEqualTo("validate");
            assertThat(e.getGoals()).containsExactly("verify-dependencies");
        });
        assertThat(second.getModel().getBuild()).isNull();
        // idempotent: a second call (or a POM that binds it already) adds nothing
        assertThat(DependencyVerificationInjector.inject(List.of(first, second), "9.9"))
                .isFalse();
        assertThat(plugin.getExecutions()).hasSize(1);
    }

    @Test
    void aPomThatBindsTheGoalInAnyModuleIsLeftAsItIs() {
        MavenProject first = project("parent");
        MavenProject second = project("module");
        second.getModel().setBuild(new org.apache.maven.model.Build());
        Plugin own = new Plugin();
        own.setGroupId("dev.ard");
        own.setArtifactId("ard-maven-plugin");
        PluginExecution e = new PluginExecution();
        e.addGoal("verify-dependencies");
        own.addExecution(e);
        second.getModel().getBuild().addPlugin(own);
        assertThat(DependencyVerificationInjector.inject(List.of(first, second), "9.9"))
                .isFalse();
        assertThat(first.getModel().getBuild()).isNull();
    }
}
