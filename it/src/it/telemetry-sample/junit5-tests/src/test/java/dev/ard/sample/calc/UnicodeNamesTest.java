package dev.ard.sample.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A method name outside ASCII: the store must keep it exactly. */
class UnicodeNamesTest {
    @Test
    void grüße_ñ() {
        assertEquals("grüße", "grü" + "ße");
    }
}
