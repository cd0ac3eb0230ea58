package com.example.smoke;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Fails on its first run only: the counter file outlives the rerun. */
class FlakyTest {
    @Test
    void flaky() throws IOException {
        Path counter = Path.of(System.getProperty("flaky.counter"));
        int runs = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) : 0;
        Files.writeString(counter, String.valueOf(runs + 1));
        if (runs == 0) {
            fail("first run fails");
        }
    }
}
