package dev.ard.sample.greeting;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** By far the slowest class of the sample, so ard:stats lists it first. */
public class SlowTest {
    @Test
    public void sleeps() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(600);
        assertTrue(System.nanoTime() - start > 0);
    }
}
