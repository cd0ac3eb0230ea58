package dev.ard.sample.calc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails on its first run after a clean checkout and passes on Surefire's rerun: a counter in
 * target/ (kept between builds until `mvn clean`) says how often it has run.
 */
class FlakyTest {
    @Test
    void eventuallyPasses() throws Exception {
        Path counter = Path.of("target", "flaky-counter.txt");
        int runs = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) : 0;
        Files.createDirectories(counter.getParent());
        Files.writeString(counter, Integer.toString(runs + 1));
        assertTrue(runs > 0, "first run fails on purpose");
    }
}
