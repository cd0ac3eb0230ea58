package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Run by Failsafe: ARD selects for it the same way as for Surefire's tests. */
class ServiceIT {
    @Test
    void servesTwice() {
        assertTrue(new Service().twice() > 1);
    }
}
