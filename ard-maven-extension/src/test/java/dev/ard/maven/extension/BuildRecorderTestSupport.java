package dev.ard.maven.extension;

import dev.ard.core.context.CiEnvironment;
import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.ToolVersions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A minimal build context for tests that only look at what was recorded. */
final class BuildRecorderTestSupport {
    private BuildRecorderTestSupport() {}

    static BuildContext context() {
        return new BuildContext(
                "b",
                Instant.parse("2026-01-01T00:00:00Z"),
                Path.of("/r"),
                GitState.unavailable("none"),
                CiEnvironment.LOCAL,
                List.of("verify"),
                new ToolVersions("3.9.9", "17", "os"),
                RecordedMode.ALL);
    }
}
