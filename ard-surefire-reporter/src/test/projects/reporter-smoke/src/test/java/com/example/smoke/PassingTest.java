package com.example.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingTest {
    @Test
    void passes() {
        assertEquals(2, 1 + 1);
    }
}
