package dev.ard.maven.extension;

import dev.ard.core.settings.SettingsCatalog;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * {@code -Dard.verifyDependencies=true}: binds {@code ard:verify-dependencies} (the plugin of the extension's own
 * version) to {@code validate} of the first project Maven builds, so the whole reactor's dependencies, plugins and
 * extensions are verified once, before anything compiles. The check itself lives in the plugin: the extension never
 * loads sigstore-java. Called from {@code afterProjectsRead}, when the model is final and the lifecycle plan not yet
 * computed, so the execution runs like one from the POM; a POM that already binds the goal is left as it is.
 */
final class DependencyVerificationInjector {
    static final String GROUP_ID = "dev.ard";
    static final String ARTIFACT_ID = "ard-maven-plugin";
    static final String GOAL = "verify-dependencies";
    static final String EXECUTION_ID = "ard-verify-dependencies";
    static final String PROPERTY = SettingsCatalog.VERIFY_DEPENDENCIES_ON.name();

    private DependencyVerificationInjector() {}

    /** Adds the execution to the first of {@code projects} (Maven's build order); false when one was already there. */
    static boolean inject(List<MavenProject> projects, String version) {
        if (projects.isEmpty()) {
            return false;
        }
        for (MavenProject project : projects) {
            Build build = project.getModel().getBuild();
            Plugin plugin = build == null ? null : build.getPluginsAsMap().get(GROUP_ID + ":" + ARTIFACT_ID);
            if (plugin != null
                    && plugin.getExecutions().stream()
                            .anyMatch(e -> e.getGoals().contains(GOAL))) {
                return false;
            }
        }
        MavenProject first = projects.get(0);
        if (first.getModel().getBuild() == null) {
            first.getModel().setBuild(new Build());
        }
        Build build = first.getModel().getBuild();
        Plugin plugin = build.getPluginsAsMap().get(GROUP_ID + ":" + ARTIFACT_ID);
        if (plugin == null) {
            plugin = new Plugin();
            plugin.setGroupId(GROUP_ID);
            plugin.setArtifactId(ARTIFACT_ID);
            plugin.setVersion(version);
            build.addPlugin(plugin);
            build.flushPluginMap();
        }
        PluginExecution execution = new PluginExecution();
        execution.setId(EXECUTION_ID);
        execution.setPhase("validate");
        execution.addGoal(GOAL);
        plugin.addExecution(execution);
        plugin.flushExecutionMap();
        return true;
    }
}
