package dev.ard.sample.greeting;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Test names with quotes: check[0: it's "a"] and check[1: it's "b"]. (The name pattern is a
 * MessageFormat, where '' stands for one apostrophe.)
 */
@RunWith(Parameterized.class)
public class QuotedNamesTest {
    @Parameters(name = "{index}: it''s \"{0}\"")
    public static List<String> letters() {
        return List.of("a", "b");
    }

    private final String letter;

    public QuotedNamesTest(String letter) {
        this.letter = letter;
    }

    @Test
    public void check() {
        assertEquals(1, letter.length());
    }
}
