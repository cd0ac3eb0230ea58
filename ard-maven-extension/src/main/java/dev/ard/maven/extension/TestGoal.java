package dev.ard.maven.extension;

import java.nio.file.Path;
import java.util.Optional;

/** The two mojos whose tests ARD records, and the file names ARD derives from them. */
enum TestGoal {
    SUREFIRE("maven-surefire-plugin", "test", "surefire", "surefire-reports"),
    FAILSAFE("maven-failsafe-plugin", "integration-test", "failsafe", "failsafe-reports");

    public static final String PLUGIN_GROUP_ID = "org.apache.maven.plugins";

    private final String artifactId;
    private final String goal;
    private final String pluginName;
    private final String defaultReportsDirName;

    TestGoal(String artifactId, String goal, String pluginName, String defaultReportsDirName) {
        this.artifactId = artifactId;
        this.goal = goal;
        this.pluginName = pluginName;
        this.defaultReportsDirName = defaultReportsDirName;
    }

    /** The plugin, whatever goal: used when adding the reporter dependency. */
    public static Optional<TestGoal> forPlugin(String groupId, String artifactId) {
        // A plugin declared without groupId defaults to org.apache.maven.plugins.
        String group = groupId == null ? PLUGIN_GROUP_ID : groupId;
        if (!PLUGIN_GROUP_ID.equals(group)) {
            return Optional.empty();
        }
        for (TestGoal candidate : values()) {
            if (candidate.artifactId.equals(artifactId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The test-running goal of surefire/failsafe, or empty for every other mojo (e.g. {@code failsafe:verify}). */
    public static Optional<TestGoal> of(String groupId, String artifactId, String goal) {
        return forPlugin(groupId, artifactId).filter(candidate -> candidate.goal.equals(goal));
    }

    public String artifactId() {
        return artifactId;
    }

    public String goal() {
        return goal;
    }

    /** {@code surefire} or {@code failsafe}, as stored in {@code ModuleRun.plugin}. */
    public String pluginName() {
        return pluginName;
    }

    /** Where ARD's reporter writes this execution's attempts: {@code <buildDir>/ard/<plugin>-<executionId>.jsonl}. */
    public Path resultsFile(Path buildDirectory, String executionId) {
        return buildDirectory.resolve("ard").resolve(pluginName + "-" + safeFileName(executionId) + ".jsonl");
    }

    /**
     * The marker ARD's reporter leaves next to {@code resultsFile} when it could not write it completely:
     * {@code <resultsFile>.failed}, whose first line is the cause.
     */
    public static Path failedMarker(Path resultsFile) {
        return resultsFile.resolveSibling(resultsFile.getFileName() + ".failed");
    }

    /** The plugin's default {@code reportsDirectory}. */
    public Path defaultReportsDirectory(Path buildDirectory) {
        return buildDirectory.resolve(defaultReportsDirName);
    }

    // Execution ids are free text in the pom; keep the file name portable and inside target/ard
    // (no separator survives, and the plugin-name prefix keeps "." and ".." from being names of their own).
    static String safeFileName(String executionId) {
        String id = executionId == null || executionId.isBlank() ? "default" : executionId;
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
