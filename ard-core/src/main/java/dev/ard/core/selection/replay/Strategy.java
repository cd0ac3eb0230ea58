package dev.ard.core.selection.replay;

/** A way to choose and order a build's tests, replayed over history. */
enum Strategy {
    /** Every test, in the suite's order: the reference. */
    ALL("all"),
    /** A random order (seeded), cut at the predictive strategy's time in the same build. */
    RANDOM("random"),
    /** Tests that failed most recently first, cut at the predictive strategy's time. */
    LAST_FAIL("lastFail"),
    /** Tests with the highest failure rate first, cut at the predictive strategy's time. */
    FAIL_DENSITY("failDensity"),
    /** The bytecode-safe set; not applicable to imported history. */
    SAFE("safe"),
    /** ARD: must-run ∪ the prefix by P(fail) reaching the target recall or fitting the budget. */
    PREDICTIVE("predictive");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    /** The name in {@code evaluation.json}. */
    public String id() {
        return id;
    }
}
