package dev.ard.core.attest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaeTest {
    @Test
    void matchesTheDsseSpecExample() {
        // The example from the DSSE protocol specification.
        byte[] pae = Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void lengthsAreUtf8ByteLengthsNotCharCounts() {
        // "é" is 1 char but 2 bytes; "€" 1 char, 3 bytes.
        byte[] pae = Pae.encode("t/é", "€".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 4 t/é 3 €");
    }
}
