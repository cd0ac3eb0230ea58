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
 * @param changes  how the changed classes were found, one line: {@code bytecode vs <base>} or {@code source files},
 *                 with the reason a bytecode comparison was not possible
 */
public record ImpactReport(Map<String, ModuleImpact> modules, List<String> warnings, String changes) {

    public static final String SOURCE_FILES = "source files";

    public ImpactReport {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        warnings = List.copyOf(warnings);
        changes = changes == null ? SOURCE_FILES : changes;
    }

    /** A report whose changes were seen in source files. */
    public ImpactReport(Map<String, ModuleImpact> modules, List<String> warnings) {
        this(modules, warnings, SOURCE_FILES);
    }
}
