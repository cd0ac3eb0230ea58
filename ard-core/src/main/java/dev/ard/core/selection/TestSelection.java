package dev.ard.core.selection;

import java.util.List;

/**
 * The decisions for one module's test classes (as one Surefire/Failsafe execution would run them).
 *
 * @param module       {@code groupId:artifactId}
 * @param decisions    one per candidate test class, sorted by class name
 * @param runAllReason non-null when every test runs for one module-wide reason (no base, pom changed, …)
 */
public record TestSelection(String module, List<TestDecision> decisions, String runAllReason) {

    public TestSelection {
        decisions = List.copyOf(decisions);
    }

    public List<String> selected() {
        return decisions.stream()
                .filter(TestDecision::selected)
                .map(TestDecision::className)
                .toList();
    }

    public List<String> skipped() {
        return decisions.stream()
                .filter(d -> !d.selected())
                .map(TestDecision::className)
                .toList();
    }

    public boolean runsAll() {
        return decisions.stream().allMatch(TestDecision::selected);
    }
}
