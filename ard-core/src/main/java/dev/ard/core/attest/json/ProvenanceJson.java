package dev.ard.core.attest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.ard.core.attest.model.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one JSON form ARD writes statements in, so that the same build gives the same bytes: fields in
 * the order the records declare, map keys sorted, no nulls, UTC RFC 3339 times truncated to
 * milliseconds, two-space indentation, {@code \n} line ends, UTF-8, a final newline.
 */
public final class ProvenanceJson {
    private static final ObjectWriter WRITER;

    static {
        SimpleModule times = new SimpleModule("ard-rfc3339");
        times.addSerializer(Instant.class, new Rfc3339Serializer());
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(times)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setDefaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        WRITER = mapper.writer(printer);
    }

    private ProvenanceJson() {}

    /** The statement as UTF-8 JSON bytes. */
    public static byte[] write(Statement statement) {
        try {
            String json = WRITER.writeValueAsString(statement) + "\n";
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Records of strings, maps and lists cannot fail to serialise unless a caller put an odd object in a map.
            throw new UncheckedIOException("cannot serialise statement: " + e.getMessage(), e);
        }
    }

    /** {@code instant} as ARD writes it: UTC, {@code Z}, at most millisecond precision. */
    public static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static final class Rfc3339Serializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        Rfc3339Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(rfc3339(value));
        }
    }
}
