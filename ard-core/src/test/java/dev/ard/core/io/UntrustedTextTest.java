package dev.ard.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
    /** A value that, printed raw, forges a Maven log line in red and hides the rest of the message. */
    static final String FORGED = "x\n[INFO] BUILD SUCCESS\u001b[31m\r\u009b2J\u202e";

    @Test
    void lineBreaksAnsiAndBidiCharactersBecomeVisibleEscapes() {
        assertThat(UntrustedText.quote(FORGED))
                .isEqualTo("'x\\n[INFO] BUILD SUCCESS\\u001B[31m\\r\\u009B2J\\u202E'")
                .doesNotContain("\n", "\r", "\u001b", "\u009b", "\u202e");
    }

    @Test
    void unicodeLineSeparatorsLoneSurrogatesAndTabsAreEscapedButLettersStay() {
        assertThat(UntrustedText.clean("a\u2028b\u2029c\ud800d\te\u00e9\ud83d\ude00"))
                .isEqualTo("a\\u2028b\\u2029c\\uD800d\\te\u00e9\ud83d\ude00");
    }

    @Test
    void quotesAndBackslashesAreEscapedOnlyInsideQuotes() {
        assertThat(UntrustedText.quote("it's a\\b")).isEqualTo("'it\\'s a\\\\b'");
        assertThat(UntrustedText.clean("C:\\dir\\it's")).isEqualTo("C:\\dir\\it's");
    }

    @Test
    void longValuesAreCappedWithAnEllipsisAndTheirLength() {
        String huge = FORGED + "A".repeat(100_000);
        String quoted = UntrustedText.quote(huge);
        assertThat(quoted)
                .startsWith("'x\\n[INFO]")
                .endsWith("…' (" + huge.length() + " chars)")
                .doesNotContain("\n", "\u001b");
        assertThat(quoted.length()).isLessThanOrEqualTo(UntrustedText.MAX_SHOWN + 30);
        assertThat(UntrustedText.clean(huge)).endsWith("… (" + huge.length() + " chars)");
        assertThat(UntrustedText.line(huge, 50)).hasSizeLessThan(80).doesNotContain("\n");
    }

    @Test
    void anEscapeOrASurrogatePairIsNeverCutInHalf() {
        String value = "a".repeat(UntrustedText.MAX_SHOWN - 1) + "\n" + "\ud83d\ude00";
        assertThat(UntrustedText.clean(value)).startsWith("a".repeat(UntrustedText.MAX_SHOWN - 1) + "…");
        String emoji = "a".repeat(UntrustedText.MAX_SHOWN - 1) + "\ud83d\ude00";
        assertThat(UntrustedText.clean(emoji)).doesNotContain("\ud83d").endsWith("… (" + emoji.length() + " chars)");
    }

    @Test
    void shortPlainValuesStayAsTheyAreAndNullIsNamed() {
        assertThat(UntrustedText.quote("application/vnd.dev.sigstore.bundle.v0.3+json"))
                .isEqualTo("'application/vnd.dev.sigstore.bundle.v0.3+json'");
        assertThat(UntrustedText.clean("x".repeat(UntrustedText.MAX_SHOWN))).hasSize(UntrustedText.MAX_SHOWN);
        assertThat(UntrustedText.quote(null)).isEqualTo("(none)");
        assertThat(UntrustedText.clean(null)).isEmpty();
    }
}
