package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.git.GitState;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.MojoTiming;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytecodeSnapshotsTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin:3.14.0";

    private static GitState git(List<Change> changes) {
        return new GitState(true, SHA, "feature/x", false, false, null, changes, null);
    }

    private static MojoTiming mojo(String module, String plugin, String goal, boolean succeeded) {
        return new MojoTiming(module, plugin, goal, "default-" + goal, Instant.EPOCH, 1, succeeded);
    }

    @Test
    void aGreenOrFullBranchBuildOfACleanCommitKeepsSnapshots() {
        assertThat(BytecodeSnapshots.notKept(git(List.of()), false, false, true))
                .isNull();
        assertThat(BytecodeSnapshots.notKept(git(List.of()), true, true, true))
                .as("a full branch keeps its classes even when a test failed")
                .isNull();
        assertThat(BytecodeSnapshots.notKept(git(List.of()), false, true, true)).isEqualTo("not green");
        assertThat(BytecodeSnapshots.notKept(git(List.of(new Change("a/B.java", "MODIFIED"))), true, false, true))
                .as("a dirty tree's classes are not its commit's")
                .isEqualTo("uncommitted changes");
        assertThat(BytecodeSnapshots.notKept(git(List.of()), true, false, false))
                .isEqualTo("no tests ran");
        assertThat(BytecodeSnapshots.notKept(GitState.unavailable("not git"), true, false, true))
                .isEqualTo("no commit");
    }

    @Test
    void onlyModulesWhoseCompileAndTestCompileSucceededHereAreKept() {
        List<MojoTiming> mojos = List.of(
                mojo("g:both", COMPILER, "compile", true),
                mojo("g:both", COMPILER, "testCompile", true),
                mojo("g:main-only", COMPILER, "compile", true),
                mojo("g:failed", COMPILER, "compile", true),
                mojo("g:failed", COMPILER, "testCompile", false),
                mojo("g:other", "org.example:kotlin-plugin:1.0", "compile", true),
                mojo("g:other", "org.example:kotlin-plugin:1.0", "testCompile", true));

        assertThat(BytecodeSnapshots.compiledModules(mojos)).containsExactly("g:both");
    }
}
