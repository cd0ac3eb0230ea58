package com.acme.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class RegistryTest {
    @Test
    void loadsThePlugin() throws Exception {
        assertNotNull(new Registry().load());
    }
}
