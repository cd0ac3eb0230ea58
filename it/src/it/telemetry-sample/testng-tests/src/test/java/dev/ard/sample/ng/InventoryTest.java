package dev.ard.sample.ng;

import static org.testng.Assert.assertEquals;

import org.testng.SkipException;
import org.testng.annotations.Test;

public class InventoryTest {
    @Test
    public void counts() {
        assertEquals(3, "abc".length());
    }

    @Test
    public void sums() {
        assertEquals(6, 1 + 2 + 3);
    }

    @Test
    public void restocks() {
        throw new SkipException("recorded as SKIPPED");
    }
}
