package dev.ard.sample.greeting;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Fails every time, on purpose: one FAILED (assertion) and one ERROR (exception) result. */
public class BrokenTest {
    @Test
    public void fails() {
        assertEquals("expected", "actual");
    }

    @Test
    public void explodes() {
        throw new IllegalStateException("boom");
    }
}
