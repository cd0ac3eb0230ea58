package dev.ard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ard.core.telemetry.InsightFacts;
import dev.ard.core.telemetry.ReportHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report file: self-contained, and names from the store stay text (also inside the embedded JSON). */
class HtmlReportTest {
    @TempDir
    static Path dir;

    static String html;

    @BeforeAll
    static void render() throws Exception {
        html = InsightStores.report(InsightStores.written(dir));
    }

    @Test
    void hostileNamesNeverBecomeMarkup() {
        assertThat(html).doesNotContain("<img").doesNotContain("<b>").doesNotContain("onerror=alert(1)>");
        // exactly the page's own two script elements and one closing tag each
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "</script>")).isEqualTo(2);
    }

    @Test
    void theEmbeddedJsonReadsBackTheSameNames() throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"ard-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode data = new ObjectMapper().readTree(m.group(1));

        assertThat(data.get("builds").findValuesAsText("branch")).contains(ReportHistory.FEATURE);
        assertThat(data.get("flaky").findValuesAsText("cls")).contains(ReportHistory.HOSTILE);
        assertThat(data.get("misses").get(0).get("cls").asText()).isEqualTo(ReportHistory.MISSED);
        assertThat(data.get("decisions").toString()).contains("Gr\u00fc\u00dfe \u20ac");
        assertThat(data.get("quarantine").get("entries").get(1).get("owner").asText())
                .isEqualTo("<b>@bob</b>");
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//");
        assertThat(html).contains("default-src 'none'");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(5 << 20);
    }

    @Test
    void anEmptyStoreStillMakesAPage() throws Exception {
        InsightFacts none = InsightFacts.EMPTY;
        String empty = HtmlReport.render(
                new ReportInputs(
                        "jdbc:sqlite:empty.db",
                        ReportHistory.T0,
                        ReportHistory.T0,
                        java.util.List.of("main"),
                        none,
                        java.util.List.of(),
                        null,
                        java.util.List.of()),
                ReportData.Analyses.of(none, CommitAncestry.SAME_COMMIT_ONLY));
        assertThat(empty).contains("\"builds\":[]").contains("\"model\":null");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
