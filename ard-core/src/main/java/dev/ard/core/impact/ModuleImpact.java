package dev.ard.core.impact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact of a change on one module's tests.
 *
 * @param moduleId      the module's id
 * @param testClasses   every top-level, non-abstract, non-interface class in its test classes
 *                      directory, fully qualified with '.', sorted
 * @param affected      the test classes a changed class reaches, with the nearest change (sorted by name)
 * @param runAllReason  non-null when every test of the module must run: one line saying why
 */
public record ModuleImpact(
        String moduleId, List<String> testClasses, Map<String, Reason> affected, String runAllReason) {

    public ModuleImpact {
        testClasses = List.copyOf(testClasses);
        affected = Collections.unmodifiableMap(new LinkedHashMap<>(affected));
    }

    public boolean runAll() {
        return runAllReason != null;
    }
}
