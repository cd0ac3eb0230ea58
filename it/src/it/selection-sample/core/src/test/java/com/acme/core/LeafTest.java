package com.acme.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeafTest {
    @Test
    void positive() {
        assertTrue(new Leaf().value() > 0);
    }
}
