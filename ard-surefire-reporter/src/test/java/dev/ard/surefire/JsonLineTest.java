package dev.ard.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {
    @Test
    void writesTheFlatAttemptObjectInFixedOrder() {
        assertThat(JsonLine.attempt("com.x.FooTest", "testA", 12, "SUCCESS", null, null))
                .isEqualTo("{\"v\":1,\"class\":\"com.x.FooTest\",\"method\":\"testA\",\"durationMs\":12,"
                        + "\"kind\":\"SUCCESS\",\"failureType\":null,\"trace\":null}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersOnly() {
        StringBuilder out = new StringBuilder();
        JsonLine.appendString(out, "a\"b\\c\n\r\t\u0000\u001f/ü✓\u007f");
        assertThat(out.toString()).isEqualTo("\"a\\\"b\\\\c\\u000A\\u000D\\u0009\\u0000\\u001F/ü✓\u007f\"");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        StringBuilder out = new StringBuilder();
        JsonLine.appendString(out, "😀 \uD800x \uDC00");
        assertThat(out.toString()).isEqualTo("\"😀 \\uD800x \\uDC00\"");
    }

    @Test
    void everyStringSurvivesARoundTripThroughAJsonReader() {
        String nasty = "quote\" back\\slash \u0001\u0008\u000c\n tab\t 😀 \uDBFF ]]> </x> &amp;";
        Map<String, Object> parsed =
                MiniJson.parseObject(JsonLine.attempt(nasty, nasty, Long.MAX_VALUE, "ERROR", nasty, nasty));
        assertThat(parsed)
                .containsEntry("v", 1L)
                .containsEntry("class", nasty)
                .containsEntry("method", nasty)
                .containsEntry("durationMs", Long.MAX_VALUE)
                .containsEntry("failureType", nasty)
                .containsEntry("trace", nasty);
    }

    @Test
    void writesNullAsJsonNull() {
        Map<String, Object> parsed = MiniJson.parseObject(JsonLine.attempt(null, "", 0, "SKIPPED", null, null));
        assertThat(parsed)
                .containsEntry("class", null)
                .containsEntry("method", "")
                .containsEntry("trace", null);
    }
}
