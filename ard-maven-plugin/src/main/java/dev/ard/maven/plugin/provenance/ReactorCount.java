package dev.ard.maven.plugin.provenance;

import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * How many modules of this build will run {@code ard:provenance}: all of them when it is named on the
 * command line, else those whose POM binds it. The reactor statement is written by the module whose
 * report reaches this count.
 */
public final class ReactorCount {
    static final String GROUP = "dev.ard";
    static final String ARTIFACT = "ard-maven-plugin";

    private ReactorCount() {}

    public static int expected(MavenSession session) {
        if (namedOnCommandLine(session.getGoals())) {
            return session.getProjects().size();
        }
        int n = 0;
        for (MavenProject p : session.getProjects()) {
            if (bindsProvenance(p)) {
                n++;
            }
        }
        return n;
    }

    static boolean namedOnCommandLine(List<String> goals) {
        for (String goal : goals) {
            if (goal.equals("ard:provenance")
                    || (goal.startsWith(GROUP + ":" + ARTIFACT + ":") && goal.endsWith(":provenance"))) {
                return true;
            }
        }
        return false;
    }

    static boolean bindsProvenance(MavenProject project) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (GROUP.equals(plugin.getGroupId()) && ARTIFACT.equals(plugin.getArtifactId())) {
                for (PluginExecution execution : plugin.getExecutions()) {
                    if (execution.getGoals().contains("provenance")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
