package dev.ard.sample.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Run by Failsafe (integration-test + verify). */
class CalculatorIT {
    @Test
    void dividesEndToEnd() {
        assertEquals(2, new Calculator().divide(6, 3));
    }
}
