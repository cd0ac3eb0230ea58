package com.acme.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class OtherTest {
    @Test
    void named() {
        assertFalse(new Other().name().isEmpty());
    }
}
