package dev.ard.maven.extension;

/**
 * What ARD keeps for one running build (one Maven session). Components are singletons that can
 * outlive a session (Maven daemon), so per-build state lives here, not in them.
 */
record ActiveBuild(
        ArdProperties properties,
        Faults faults,
        BuildContext context,
        BuildRecorder recorder,
        BuildSelection selection,
        BuildQuarantine quarantine) {

    /** A build without quarantine. */
    ActiveBuild(
            ArdProperties properties,
            Faults faults,
            BuildContext context,
            BuildRecorder recorder,
            BuildSelection selection) {
        this(properties, faults, context, recorder, selection, BuildQuarantine.OFF);
    }
}
