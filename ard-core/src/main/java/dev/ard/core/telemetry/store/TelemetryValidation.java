package dev.ard.core.telemetry.store;

import dev.ard.core.telemetry.BuildTelemetry;
import dev.ard.core.telemetry.Change;
import dev.ard.core.telemetry.SelectionEntry;
import dev.ard.core.telemetry.TestResult;
import java.util.Optional;

/**
 * The few fields the store cannot do without. Checked before writing (and before spooling): a build
 * the store would reject must fail once, clearly, instead of sitting in the spool forever. Lists and
 * their elements are never null: the records' {@code List.copyOf} rejects that already.
 */
public final class TelemetryValidation {
    private TelemetryValidation() {}

    /** What is wrong with {@code telemetry}, or empty when the store can take it. */
    public static Optional<String> problem(BuildTelemetry telemetry) {
        if (telemetry == null || telemetry.build() == null) {
            return Optional.of("no build record");
        }
        var build = telemetry.build();
        if (build.id() == null || build.id().isBlank()) {
            return Optional.of("build has no id");
        }
        if (build.startedAt() == null) {
            return Optional.of("build " + build.id() + " has no start time");
        }
        for (Change change : telemetry.changes()) {
            if (change.path() == null) {
                return Optional.of("build " + build.id() + ": a change has no path");
            }
        }
        for (TestResult test : telemetry.tests()) {
            if (test.module() == null
                    || test.className() == null
                    || test.methodName() == null
                    || test.outcome() == null) {
                return Optional.of("build " + build.id() + ": test result " + test.className() + "#" + test.methodName()
                        + " lacks its module, class, method or outcome");
            }
        }
        for (SelectionEntry selection : telemetry.selections()) {
            if (selection.module() == null || selection.className() == null) {
                return Optional.of("build " + build.id() + ": a selection decision lacks its module or class");
            }
        }
        return Optional.empty();
    }
}
