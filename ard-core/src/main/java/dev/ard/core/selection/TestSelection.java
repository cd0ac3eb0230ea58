package dev.ard.core.selection;

import java.util.List;
import java.util.function.Function;

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

    /**
     * This selection with the selected classes {@code elsewhere} names skipped, for the reason it gives ({@code runs
     * in shard 3/4}); the module-wide run-all reason stays only when no class moved.
     *
     * @param elsewhere class name → why it does not run here, or {@code null} when it does
     */
    public TestSelection narrowed(Function<String, String> elsewhere) {
        List<TestDecision> result = new java.util.ArrayList<>(decisions.size());
        boolean moved = false;
        for (TestDecision d : decisions) {
            String reason = d.selected() ? elsewhere.apply(d.className()) : null;
            if (reason == null) {
                result.add(d);
            } else {
                result.add(new TestDecision(d.className(), false, reason));
                moved = true;
            }
        }
        return new TestSelection(module, result, moved ? null : runAllReason);
    }

    public boolean runsAll() {
        return decisions.stream().allMatch(TestDecision::selected);
    }
}
