package com.acme.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * Loads Plugin by a name built at run time: no bytecode analysis can see that, so a change to Plugin does not
 * select this test (ARD's documented limit; list such tests in ard.mustRun).
 */
class DynamicTest {
    @Test
    void loadsByComputedName() throws Exception {
        String simpleName = new StringBuilder("nigulP").reverse().toString();
        assertNotNull(Class.forName(getClass().getPackageName() + "." + simpleName));
    }
}
