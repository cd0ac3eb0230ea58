package dev.ard.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestGoalTest {

    private static final String PLUGINS = "org.apache.maven.plugins";

    @Test
    void recognisesTheTestRunningGoalsOnly() {
        assertThat(TestGoal.of(PLUGINS, "maven-surefire-plugin", "test")).contains(TestGoal.SUREFIRE);
        assertThat(TestGoal.of(PLUGINS, "maven-failsafe-plugin", "integration-test"))
                .contains(TestGoal.FAILSAFE);
        assertThat(TestGoal.of(PLUGINS, "maven-failsafe-plugin", "verify")).isEmpty();
        assertThat(TestGoal.of(PLUGINS, "maven-surefire-plugin", "help")).isEmpty();
        assertThat(TestGoal.of(PLUGINS, "maven-compiler-plugin", "test")).isEmpty();
        assertThat(TestGoal.of("com.example", "maven-surefire-plugin", "test")).isEmpty();
    }

    @Test
    void pluginWithoutGroupIdIsAnApachePlugin() {
        assertThat(TestGoal.forPlugin(null, "maven-failsafe-plugin")).contains(TestGoal.FAILSAFE);
    }

    @Test
    void resultsFileIsNamedAfterPluginAndExecution() {
        Path target = Path.of("/work/mod/target");

        assertThat(TestGoal.SUREFIRE.resultsFile(target, "default-test"))
                .isEqualTo(Path.of("/work/mod/target/ard/surefire-default-test.jsonl"));
        assertThat(TestGoal.FAILSAFE.resultsFile(target, "it"))
                .isEqualTo(Path.of("/work/mod/target/ard/failsafe-it.jsonl"));
    }

    @Test
    void oddExecutionIdsStayInsideTargetArd() {
        Path target = Path.of("/work/mod/target");

        Path file = TestGoal.SUREFIRE.resultsFile(target, "../../etc/passwd x");

        assertThat(file.getParent()).isEqualTo(target.resolve("ard"));
        assertThat(file.getFileName().toString()).isEqualTo("surefire-.._.._etc_passwd_x.jsonl");
        assertThat(TestGoal.safeFileName(null)).isEqualTo("default");
    }

    @Test
    void defaultReportsDirectories() {
        Path target = Path.of("/m/target");

        assertThat(TestGoal.SUREFIRE.defaultReportsDirectory(target)).isEqualTo(Path.of("/m/target/surefire-reports"));
        assertThat(TestGoal.FAILSAFE.defaultReportsDirectory(target)).isEqualTo(Path.of("/m/target/failsafe-reports"));
        assertThat(TestGoal.FAILSAFE.pluginName()).isEqualTo("failsafe");
    }
}
