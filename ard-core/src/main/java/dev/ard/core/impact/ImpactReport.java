package dev.ard.core.impact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of one analysis.
 *
 * @param modules  per module id, in the order the modules were given (reactor order)
 * @param warnings one line per fault met (unreadable class file, unknown class version, I/O error…);
 *                 the affected modules run all their tests
 */
public record ImpactReport(Map<String, ModuleImpact> modules, List<String> warnings) {

    public ImpactReport {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        warnings = List.copyOf(warnings);
    }
}
