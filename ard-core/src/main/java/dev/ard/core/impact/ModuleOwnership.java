package dev.ard.core.impact;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which module a file belongs to (the deepest module whose base directory contains it), which modules
 * sit below a module's base directory, and which modules depend on a module, transitively.
 */
final class ModuleOwnership {

    private final List<ModuleInfo> modules;
    private final Map<String, List<String>> dependents = new HashMap<>();

    ModuleOwnership(List<ModuleInfo> modules) {
        this.modules = modules;
        for (ModuleInfo m : modules) {
            for (String upstream : m.dependsOn()) {
                dependents.computeIfAbsent(upstream, k -> new ArrayList<>()).add(m.id());
            }
        }
    }

    /** The deepest module containing {@code file} (absolute, normalized), or {@code null}. */
    ModuleInfo owner(Path file) {
        ModuleInfo best = null;
        for (ModuleInfo m : modules) {
            Path base = m.baseDir();
            if (base != null
                    && file.startsWith(base)
                    && (best == null || base.getNameCount() > best.baseDir().getNameCount())) {
                best = m;
            }
        }
        return best;
    }

    /** Modules whose base directory lies strictly below {@code module}'s. */
    List<ModuleInfo> nestedUnder(ModuleInfo module) {
        List<ModuleInfo> out = new ArrayList<>();
        for (ModuleInfo m : modules) {
            if (m != module
                    && m.baseDir() != null
                    && module.baseDir() != null
                    && m.baseDir().startsWith(module.baseDir())
                    && !m.baseDir().equals(module.baseDir())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Ids of every module depending on {@code moduleId}, directly or through others (not itself). */
    Set<String> dependentsOf(String moduleId) {
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(moduleId));
        while (!queue.isEmpty()) {
            for (String d : dependents.getOrDefault(queue.poll(), List.of())) {
                if (!d.equals(moduleId) && seen.add(d)) {
                    queue.add(d);
                }
            }
        }
        return seen;
    }
}
