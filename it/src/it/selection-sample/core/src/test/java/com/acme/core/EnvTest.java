package com.acme.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Fails while a git-ignored file fail.txt exists next to the module's pom: a failure no source change explains. */
class EnvTest {
    @Test
    void noFailMarker() {
        assertFalse(Files.exists(Env.failMarker()), "fail.txt is present");
    }
}
