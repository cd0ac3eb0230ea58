package dev.ard.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report as one self-contained HTML file (docs/architecture.md §10): CSS, data and script inline, no network, so it
 * works from {@code file://} and as a CI artifact. A Content-Security-Policy forbids every fetch.
 *
 * <p>The data is a JSON document inside {@code <script type="application/json">}. Names in it come from the project and
 * the store (a test may be called {@code </script>}), so every {@code <}, {@code >} and {@code &} is written as a JSON
 * {@code \\u} escape, which no HTML parser reads as markup and every JSON parser reads back as the same character; the
 * script then only ever puts text into the page through {@code textContent}.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {}

    public static String render(ReportInputs inputs, ReportData.Analyses analyses) {
        return render(ReportData.of(inputs, analyses));
    }

    public static String render(ObjectNode data) {
        String template = resource("report.html");
        return template.replace("/*CSS*/", resource("report.css"))
                .replace("/*JS*/", resource("report.js"))
                .replace("/*DATA*/", scriptSafeJson(data));
    }

    /** The document as JSON text that is inert inside an HTML {@code <script>} element. */
    static String scriptSafeJson(ObjectNode data) {
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data cannot be written as JSON", e);
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                // Outside strings JSON has none of these characters, so escaping them everywhere is escaping in
                // strings.
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
