package dev.ard.maven.extension;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A surefire:test / failsafe:integration-test execution that has started, as decided at {@code MojoStarted}.
 *
 * @param goal         which plugin
 * @param module       {@code groupId:artifactId}
 * @param executionId  the execution id
 * @param startedAt    mojo start (TEST-*.xml older than this belong to an earlier run)
 * @param resultsFile  the results file ARD's reporter writes, or {@code null} when the reporter is not used
 * @param fallbackNote why the reporter is not used, or {@code null}
 */
record PendingTestRun(
        TestGoal goal, String module, String executionId, Instant startedAt, Path resultsFile, String fallbackNote) {

    public boolean usesReporter() {
        return resultsFile != null;
    }
}
