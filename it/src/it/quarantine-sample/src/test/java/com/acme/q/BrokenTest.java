package com.acme.q;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails while a git-ignored fail.txt exists next to the pom: a real failure, not quarantined. */
class BrokenTest {
    @Test
    void noFailMarker() {
        assertFalse(Files.exists(Path.of("fail.txt")), "fail.txt is present");
    }
}
