package dev.ard.sample.greeting;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class GreetingTest {
    @Test
    public void hello() {
        assertEquals("hello", "hel" + "lo");
    }

    @Test
    public void bye() {
        assertEquals("bye", "b" + "ye");
    }
}
