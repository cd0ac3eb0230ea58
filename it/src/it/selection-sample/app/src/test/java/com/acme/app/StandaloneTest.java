package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandaloneTest {
    @Test
    void three() {
        assertEquals(3, new Standalone().three());
    }
}
