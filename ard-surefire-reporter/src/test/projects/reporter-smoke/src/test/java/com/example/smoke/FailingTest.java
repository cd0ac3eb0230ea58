package com.example.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingTest {
    @Test
    void fails() {
        assertEquals(3, 1 + 1, "always \"wrong\" ✗");
    }

    @Test
    void errors() {
        throw new IllegalStateException("broken <state> & more");
    }
}
