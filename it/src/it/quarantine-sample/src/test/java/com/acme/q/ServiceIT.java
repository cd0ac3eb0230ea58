package com.acme.q;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Always fails: a quarantined Failsafe test (its failure must not reach failsafe:verify). */
class ServiceIT {
    @Test
    void talksToTheService() {
        fail("shared fixture races");
    }
}
