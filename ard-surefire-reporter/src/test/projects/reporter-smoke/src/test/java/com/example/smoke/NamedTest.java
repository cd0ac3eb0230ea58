package com.example.smoke;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Display names, nesting and parameters: where Surefire versions name test cases differently. */
@DisplayName("Named \"tests\" ✓ & <more>")
class NamedTest {
    @Test
    @DisplayName("a named test")
    void named() {
        assertTrue(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ü", "\"q\""})
    void parameterized(String value) {
        assertTrue(!value.isEmpty());
    }

    @Nested
    class Inner {
        @Test
        void inner() {
            assertTrue(true);
        }
    }
}
