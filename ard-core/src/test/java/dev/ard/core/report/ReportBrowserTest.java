package dev.ard.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report as a browser draws it: headless Chromium loads the file at a desktop and a phone size; every section must
 * draw without a script error, charts must hold marks, and no name from the store may become an element. Screenshots
 * land in {@code ard-core/target/report-screenshots/} for a person to look at.
 *
 * <p>Needs {@code chromium} on the PATH ({@code apt-get install -y chromium}); {@code .ci/run} installs it and sets
 * {@code ARD_REQUIRE_BROWSER=1}, which turns a missing browser into a failure instead of a skip.
 */
class ReportBrowserTest {
    @TempDir
    static Path dir;

    static Path page;

    @BeforeAll
    static void render() throws Exception {
        page = Path.of("target", "report-screenshots", "index.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, InsightStores.report(InsightStores.written(dir)));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400, 900", "390, 844"})
    void everySectionDrawsWithoutErrors(int width, int height) throws Exception {
        String browser = browser();
        Path png = page.resolveSibling("report-" + width + "x" + height + ".png");
        Files.deleteIfExists(png);
        Run dom = run(List.of(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=" + width + "," + height,
                "--virtual-time-budget=10000",
                "--dump-dom",
                page.toUri().toString()));
        String html = dom.stdout();

        assertThat(html).as("script finished without errors").contains("data-ard-ready=\"ok\"");
        assertThat(dom.stderr()).doesNotContain("Uncaught");
        assertThat(html).doesNotContain("<img").doesNotContain("<b>");
        for (String section :
                List.of("overview", "selection", "flaky", "durations", "profile", "model", "attestations")) {
            String body = section(html, section);
            assertThat(body).as(section + " has content").contains("<");
            assertThat(body).as(section + " is not an empty placeholder").doesNotContain("class=\"empty\">The store");
        }
        assertThat(count(section(html, "overview"), "<rect"))
                .as("overview charts have bars")
                .isGreaterThan(10);
        assertThat(count(section(html, "profile"), "<rect"))
                .as("profile charts have bars")
                .isGreaterThan(10);
        assertThat(count(section(html, "durations"), "<polyline"))
                .as("sparklines")
                .isGreaterThan(0);
        assertThat(section(html, "overview")).contains("com.acme.web.CartTest"); // the miss is listed

        run(List.of(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--virtual-time-budget=10000",
                "--screenshot=" + png,
                page.toUri().toString()));
        assertThat(png).isNotEmptyFile();
    }

    private static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group(1);
    }

    private static String browser() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String path : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!path.isEmpty() && Files.isExecutable(Path.of(path, name))) {
                    return Path.of(path, name).toString();
                }
            }
        }
        boolean required = "1".equals(System.getenv("ARD_REQUIRE_BROWSER"));
        if (required) {
            throw new AssertionError("ARD_REQUIRE_BROWSER=1 but no chromium on the PATH (apt-get install -y chromium)");
        }
        assumeTrue(
                false, "no chromium on the PATH: the report is not checked in a browser (apt-get install -y chromium)");
        return null;
    }

    private record Run(String stdout, String stderr) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
