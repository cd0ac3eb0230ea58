package dev.ard.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.impact.ModuleImpact;
import dev.ard.core.impact.Reason;
import dev.ard.core.telemetry.Outcome;
import dev.ard.core.telemetry.TestHistory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafeSelectorTest {

    private static final String M = "g:core";
    private static final List<String> ALL =
            List.of("a.ReachedTest", "a.FailedTest", "a.NewTest", "a.SmokeTest", "a.UntouchedTest");
    private static final TestHistory HISTORY = new TestHistory(
            Set.of(
                    TestHistory.key(M, "a.ReachedTest"),
                    TestHistory.key(M, "a.FailedTest"),
                    TestHistory.key(M, "a.SmokeTest"),
                    TestHistory.key(M, "a.UntouchedTest")),
            Map.of(TestHistory.key(M, "a.FailedTest"), Outcome.FAILED),
            Map.of());
    private static final ModuleImpact IMPACT = new ModuleImpact(
            M, ALL, Map.of("a.ReachedTest", new Reason("a.Foo", "core/src/main/java/a/Foo.java", 2, 1)), null);

    @Test
    void runsReachedFailedNewAndMustRunClassesAndSkipsTheRest() {
        TestSelection selection = new SafeSelector(HISTORY, MustRunRules.of("*SmokeTest")).select(M, ALL, IMPACT, null);

        assertThat(selection.selected()).containsExactly("a.FailedTest", "a.NewTest", "a.ReachedTest", "a.SmokeTest");
        assertThat(selection.skipped()).containsExactly("a.UntouchedTest");
        assertThat(selection.runAllReason()).isNull();
        Map<String, String> reasons = new java.util.HashMap<>();
        selection.decisions().forEach(d -> reasons.put(d.className(), d.reason()));
        assertThat(reasons.get("a.ReachedTest")).contains("a.Foo").contains("2 hops");
        assertThat(reasons.get("a.FailedTest")).isEqualTo("last run on this branch failed");
        assertThat(reasons.get("a.NewTest")).isEqualTo("never run before");
        assertThat(reasons.get("a.SmokeTest")).isEqualTo("matches ard.mustRun *SmokeTest");
        assertThat(reasons.get("a.UntouchedTest")).isEqualTo(SafeSelector.NOT_REACHED);
    }

    @Test
    void anyModuleWideDoubtRunsEverything() {
        SafeSelector selector = new SafeSelector(HISTORY, MustRunRules.NONE);
        ModuleImpact pomChanged = new ModuleImpact(M, ALL, Map.of(), "pom.xml changed in module core");

        assertThat(selector.select(M, ALL, IMPACT, "no base commit").skipped()).isEmpty();
        assertThat(selector.select(M, ALL, pomChanged, null).skipped()).isEmpty();
        assertThat(selector.select(M, ALL, pomChanged, null).runAllReason())
                .isEqualTo("pom.xml changed in module core");
        assertThat(selector.select(M, ALL, null, null).skipped()).isEmpty();
        assertThat(new SafeSelector(TestHistory.EMPTY, MustRunRules.NONE)
                        .select(M, ALL, IMPACT, null)
                        .runAllReason())
                .isEqualTo("no test history in the store yet");
    }
}
