package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceTest {
    @Test
    void twice() {
        assertEquals(2, new Service().twice());
    }
}
