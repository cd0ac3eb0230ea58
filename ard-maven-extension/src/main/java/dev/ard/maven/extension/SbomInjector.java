package dev.ard.maven.extension;

import dev.ard.core.settings.SettingsCatalog;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * {@code -Dard.sbom=true}: makes cyclonedx-maven-plugin's {@code makeBom} run in every module, so each
 * module attaches a CycloneDX JSON SBOM ({@code <artifactId>-<version>-cyclonedx.json}) that
 * {@code ard:provenance} then names as a byproduct. ARD never writes SBOM JSON itself.
 *
 * <p>Meant to be called for every project from {@code afterProjectsRead} (the model is final then and
 * the lifecycle plan not yet computed, so an added execution runs like one from the POM). It edits
 * only the plain model:
 * <ul>
 *   <li>the POM already runs {@code makeBom} or {@code makeAggregateBom} → nothing changes;</li>
 *   <li>the plugin is in {@code <build><plugins>} without such an execution → an execution is added
 *       to it (the user's version and configuration are kept);</li>
 *   <li>only in {@code <pluginManagement>} → the plugin is added with the managed version and
 *       configuration, plus the execution;</li>
 *   <li>absent → {@code org.cyclonedx:cyclonedx-maven-plugin:}{@value #DEFAULT_VERSION} is added.</li>
 * </ul>
 * The execution is {@value #EXECUTION_ID}, goal {@code makeBom}, phase {@code package} (before
 * {@code ard:provenance} at {@code verify}), {@code outputFormat=json}.
 *
 * <p><b>Offline:</b> {@code makeBom} is declared {@code requiresOnline = true}. Under {@code mvn -o}
 * Maven skips such a mojo when the lifecycle runs it (and fails when it is named on the command line);
 * worse, the plugin itself may not be in the local repository, and resolving it offline fails the
 * build. So under {@code -o} nothing is injected ({@link Result#OFFLINE}): the caller logs one WARN
 * and the build has no SBOM; provenance then simply lists none. Online, the first build downloads the
 * plugin and its dependencies like any other plugin.
 */
final class SbomInjector {
    public static final String GROUP_ID = "org.cyclonedx";
    public static final String ARTIFACT_ID = "cyclonedx-maven-plugin";
    /** Tested version (2.9.x runs on Java 8+ and Maven 3.6.3+); {@code ard.sbom.version}'s default. */
    public static final String DEFAULT_VERSION = SettingsCatalog.DEFAULT_SBOM_VERSION;

    public static final String EXECUTION_ID = "ard-sbom";
    public static final String GOAL = "makeBom";
    public static final String PHASE = "package";
    /** The property that turns it on. */
    public static final String PROPERTY = SettingsCatalog.SBOM.name();

    /** What {@link #inject} did to one project. */
    public enum Result {
        /** An execution was added (to the user's plugin or to a new one). */
        ADDED,
        /** The POM already runs makeBom/makeAggregateBom: left as is. */
        ALREADY_CONFIGURED,
        /** Maven is offline: nothing added (see the class comment). */
        OFFLINE
    }

    private SbomInjector() {}

    /**
     * Makes {@code makeBom} run in the project whose {@code build} this is (never {@code null}: pass
     * {@code project.getModel().getBuild()}, creating it when missing); idempotent.
     *
     * @param version plugin version to add when the POM has none (normally {@link #DEFAULT_VERSION})
     */
    public static Result inject(Build build, boolean offline, String version) {
        Plugin plugin = build.getPluginsAsMap().get(GROUP_ID + ":" + ARTIFACT_ID);
        if (plugin != null && runsBom(plugin)) {
            return Result.ALREADY_CONFIGURED;
        }
        if (offline) {
            return Result.OFFLINE;
        }
        if (plugin == null) {
            plugin = managedOrNew(build.getPluginManagement(), version);
            build.addPlugin(plugin);
            build.flushPluginMap();
        }
        plugin.addExecution(execution());
        plugin.flushExecutionMap();
        return Result.ADDED;
    }

    /** True when some execution of the plugin runs makeBom or makeAggregateBom (including ARD's own). */
    static boolean runsBom(Plugin plugin) {
        for (PluginExecution e : plugin.getExecutions()) {
            if (e.getGoals().contains(GOAL)
                    || e.getGoals().contains("makeAggregateBom")
                    || EXECUTION_ID.equals(e.getId())) {
                return true;
            }
        }
        return false;
    }

    private static Plugin managedOrNew(PluginManagement management, String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(GROUP_ID);
        plugin.setArtifactId(ARTIFACT_ID);
        plugin.setVersion(version);
        Plugin managed =
                management == null ? null : management.getPluginsAsMap().get(GROUP_ID + ":" + ARTIFACT_ID);
        if (managed != null) {
            if (managed.getVersion() != null) {
                plugin.setVersion(managed.getVersion());
            }
            if (managed.getConfiguration() != null) {
                plugin.setConfiguration(new Xpp3Dom((Xpp3Dom) managed.getConfiguration()));
            }
            managed.getDependencies().forEach(d -> plugin.addDependency(d.clone()));
        }
        return plugin;
    }

    private static PluginExecution execution() {
        PluginExecution execution = new PluginExecution();
        execution.setId(EXECUTION_ID);
        execution.setPhase(PHASE);
        execution.addGoal(GOAL);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom format = new Xpp3Dom("outputFormat");
        format.setValue("json");
        configuration.addChild(format);
        execution.setConfiguration(configuration);
        return execution;
    }
}
