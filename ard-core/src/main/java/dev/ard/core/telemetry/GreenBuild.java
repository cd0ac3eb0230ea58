package dev.ard.core.telemetry;

import java.util.List;
import java.util.Set;

/**
 * The newest green build of a branch: the base a later build may compare its changes with.
 *
 * @param buildId       its id
 * @param commit        HEAD at that build
 * @param dirtyPaths    files that differed from {@code commit} then (the green result was for that tree, so they
 *                      count as changed now too)
 * @param testedModules modules whose tests ran in it; a module that did not run there has no green base
 */
public record GreenBuild(String buildId, String commit, List<String> dirtyPaths, Set<String> testedModules) {

    public GreenBuild {
        dirtyPaths = List.copyOf(dirtyPaths);
        testedModules = Set.copyOf(testedModules);
    }
}
