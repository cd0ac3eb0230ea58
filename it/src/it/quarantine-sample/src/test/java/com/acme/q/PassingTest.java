package com.acme.q;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingTest {
    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
