package dev.ard.core.telemetry;

import java.util.Objects;

/**
 * What the bytecode impact analysis said of one test class in one build (a row of {@code impact_fact}), recorded on
 * every build that analysed, also where every test ran: training and replay learn from it as a live build sees it.
 *
 * @param module    {@code groupId:artifactId}
 * @param className the test class
 * @param inSafe    the safe policy selects it (a change reaches it, a must-run rule holds, or its module runs all)
 * @param hops      hops to the nearest changed class (0: the class itself changed), {@code -1} when no change reaches it
 * @param reaching  changed classes it reaches ({@code 0} when none)
 */
public record ImpactFact(String module, String className, boolean inSafe, int hops, int reaching) {

    public ImpactFact {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(className, "className");
        if (hops < -1 || reaching < 0) {
            throw new IllegalArgumentException("hops " + hops + " / reaching " + reaching + " of " + className);
        }
    }

    /** A change reaches the class. */
    public boolean reached() {
        return hops >= 0;
    }
}
