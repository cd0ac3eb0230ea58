package com.example.smoke;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class SkippedTest {
    @Test
    @Disabled("not today")
    void skipped() {}
}
