package dev.ard.maven.extension;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Decides whether ARD's Surefire reporter can be used for a plugin / mojo execution, and edits the
 * plain model objects (plugin dependencies, mojo configuration) to use it. No Maven runtime needed.
 */
final class ReporterInjection {

    public static final String REPORTER_GROUP_ID = "dev.ard";
    public static final String REPORTER_ARTIFACT_ID = "ard-surefire-reporter";
    public static final String REPORTER_CLASS = "dev.ard.surefire.ArdStatelessTestsetReporter";
    /** The Surefire/Failsafe parameter that takes a custom {@code SurefireStatelessReporter}. */
    public static final String REPORTER_PARAMETER = "statelessTestsetReporter";
    /** {@code statelessTestsetReporter} exists since this Surefire/Failsafe version. */
    public static final String MIN_SUREFIRE_VERSION = "3.0.0-M4";

    private static final ComparableVersion MIN_VERSION = new ComparableVersion(MIN_SUREFIRE_VERSION);

    private ReporterInjection() {}

    /**
     * What to do at one surefire:test / failsafe:integration-test execution.
     *
     * @param useReporter add the reporter configuration and read its results file
     * @param note        why not (stored as the module run's note), or {@code null}
     */
    public record Decision(boolean useReporter, String note) {
        static Decision use() {
            return new Decision(true, null);
        }

        static Decision fallback(String note) {
            return new Decision(false, note);
        }
    }

    /** True when this Surefire/Failsafe version has {@code statelessTestsetReporter}. A missing version is not trusted. */
    public static boolean supportsStatelessReporter(String pluginVersion) {
        if (pluginVersion == null || pluginVersion.isBlank() || pluginVersion.contains("${")) {
            return false;
        }
        return new ComparableVersion(pluginVersion.trim()).compareTo(MIN_VERSION) >= 0;
    }

    /** True when the user configured a reporter themselves: ARD then leaves it alone and reads the XML reports. */
    public static boolean hasUserReporter(Object configuration) {
        if (configuration instanceof Xpp3Dom dom) {
            return dom.getChild(REPORTER_PARAMETER) != null;
        }
        // Not an Xpp3Dom (another Maven's model type): look at its XML text rather than guess "no".
        return configuration != null && configuration.toString().contains("<" + REPORTER_PARAMETER);
    }

    /** Plugin-level or any execution-level user reporter. */
    public static boolean hasUserReporter(Plugin plugin) {
        if (hasUserReporter(plugin.getConfiguration())) {
            return true;
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (hasUserReporter(execution.getConfiguration())) {
                return true;
            }
        }
        return false;
    }

    /** The reporter dependency is already on this plugin's classpath (added by ARD or by the user). */
    public static boolean hasReporterDependency(List<Dependency> dependencies) {
        return dependencies.stream()
                .anyMatch(d ->
                        REPORTER_GROUP_ID.equals(d.getGroupId()) && REPORTER_ARTIFACT_ID.equals(d.getArtifactId()));
    }

    /** Whether ARD should add its reporter dependency to this build plugin (in {@code afterProjectsRead}). */
    public static boolean wantsDependency(Plugin plugin) {
        return TestGoal.forPlugin(plugin.getGroupId(), plugin.getArtifactId()).isPresent()
                && supportsStatelessReporter(plugin.getVersion())
                && !hasUserReporter(plugin)
                && !hasReporterDependency(plugin.getDependencies());
    }

    /** Adds {@code dev.ard:ard-surefire-reporter:<version>} to the plugin's dependencies, once. */
    public static void addDependency(Plugin plugin, String reporterVersion) {
        if (hasReporterDependency(plugin.getDependencies())) {
            return;
        }
        Dependency dependency = new Dependency();
        dependency.setGroupId(REPORTER_GROUP_ID);
        dependency.setArtifactId(REPORTER_ARTIFACT_ID);
        dependency.setVersion(reporterVersion);
        plugin.addDependency(dependency);
    }

    /**
     * Decides for one mojo execution, from the plugin version it runs, its final configuration (plugin
     * and execution level already merged) and the plugin's dependencies.
     */
    public static Decision decide(
            String pluginName, String pluginVersion, Xpp3Dom configuration, List<Dependency> pluginDependencies) {
        if (!supportsStatelessReporter(pluginVersion)) {
            return Decision.fallback(pluginName + " " + pluginVersion + " predates statelessTestsetReporter ("
                    + MIN_SUREFIRE_VERSION + ")");
        }
        if (hasUserReporter(configuration)) {
            return Decision.fallback("user-configured statelessTestsetReporter");
        }
        if (!hasReporterDependency(pluginDependencies)) {
            return Decision.fallback(REPORTER_ARTIFACT_ID + " not on the plugin classpath");
        }
        return Decision.use();
    }

    /**
     * The configuration element that makes Surefire use ARD's reporter:
     * {@code <statelessTestsetReporter implementation="…"><resultsFile>…</resultsFile></statelessTestsetReporter>}.
     */
    public static Xpp3Dom reporterElement(Path resultsFile) {
        Xpp3Dom results = new Xpp3Dom("resultsFile");
        results.setValue(resultsFile.toAbsolutePath().toString());
        Xpp3Dom reporter = new Xpp3Dom(REPORTER_PARAMETER);
        reporter.setAttribute("implementation", REPORTER_CLASS);
        // Build the element completely before attaching it: on Maven 4 a child is a view of an immutable node.
        reporter.addChild(results);
        return reporter;
    }

    /** Adds the reporter element to a mojo configuration, returning the (possibly new) configuration. */
    public static Xpp3Dom withReporter(Xpp3Dom configuration, Path resultsFile) {
        Xpp3Dom target = configuration != null ? configuration : new Xpp3Dom("configuration");
        target.addChild(reporterElement(resultsFile));
        return target;
    }
}
