package dev.ard.core.selection.history;

import java.util.Comparator;
import java.util.List;

/**
 * Builds in time order, and whether bytecode-level impact analysis exists for them ({@code false} for imported
 * history, where the {@code safe} strategy is then reported as not applicable).
 *
 * @param source   where it came from, for reports ({@code csv:/path}, {@code junit-xml:/path}, {@code store})
 * @param builds   oldest first
 * @param bytecode true when each build's impact analysis is known
 */
public record History(String source, List<HistoryBuild> builds, boolean bytecode) {

    public History {
        builds = builds.stream()
                .sorted(Comparator.comparingLong(HistoryBuild::order))
                .toList();
    }

    public int failingBuilds() {
        return (int) builds.stream().filter(HistoryBuild::failed).count();
    }

    public int failingTests() {
        return builds.stream().mapToInt(b -> b.failingClasses().size()).sum();
    }

    /** Rows a model would learn from: one per (build, test class). */
    public int rows() {
        return builds.stream().mapToInt(b -> b.tests().size()).sum();
    }
}
