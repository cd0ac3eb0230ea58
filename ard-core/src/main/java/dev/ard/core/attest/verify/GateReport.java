package dev.ard.core.attest.verify;

import java.util.List;
import java.util.Objects;

/**
 * What the {@link DeployGate} found for one module.
 *
 * @param module   the module's name (its artifactId)
 * @param verified the bundles that verified, by the file they were checked for (the provenance: its bundle's name)
 * @param problems every file that may not be deployed, in the order found; empty when the module passes
 */
public record GateReport(String module, List<String> verified, List<FileProblem> problems) {
    /** A failure message names at most this many problems. */
    static final int PROBLEMS_SHOWN = 5;

    public GateReport {
        Objects.requireNonNull(module, "module");
        verified = List.copyOf(verified);
        problems = List.copyOf(problems);
    }

    /** True when nothing is in the way of deploying. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** One line for a passed gate: {@code verified 3 bundle(s) of app}. */
    public String summary() {
        return "verified " + verified.size() + " bundle(s) of " + module;
    }

    /** One line for a failed gate, naming the first problems: {@code 2 file(s) of app do not verify; nothing may be deployed: …}. */
    public String failure() {
        List<FileProblem> shown = problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()));
        StringBuilder line = new StringBuilder()
                .append(problems.size())
                .append(" file(s) of ")
                .append(module)
                .append(" do not verify; nothing may be deployed: ");
        for (int i = 0; i < shown.size(); i++) {
            line.append(i == 0 ? "" : "; ").append(shown.get(i));
        }
        return line.append(problems.size() > PROBLEMS_SHOWN ? "; …" : "").toString();
    }
}
