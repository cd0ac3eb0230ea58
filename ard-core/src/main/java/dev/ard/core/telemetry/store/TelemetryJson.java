package dev.ard.core.telemetry.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ard.core.telemetry.BuildRecord;
import dev.ard.core.telemetry.BuildResult;
import dev.ard.core.telemetry.Checkout;
import dev.ard.core.telemetry.CiRun;
import dev.ard.core.telemetry.RecordedMode;
import dev.ard.core.telemetry.ToolVersions;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of telemetry records: Instants as ISO-8601 strings, unknown fields ignored. A {@link BuildRecord}
 * is written as one flat object with its stored strings ({@code "mode": "safe"}), the same form spool files have
 * had from the start, so a spool written by an older or a newer ARD reads here and the other way round.
 */
public final class TelemetryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("ard-build-record")
                    .addSerializer(BuildRecord.class, new StdDelegatingSerializer(new ToJson()))
                    .addDeserializer(BuildRecord.class, new FromJson()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a spool written by a newer ARD (more fields) can still be read by this one
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TelemetryJson() {}

    /** Shared and thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The flat JSON shape of a build record; field names are part of the spool format. */
    record FlatBuild(
            String id,
            Instant startedAt,
            Instant finishedAt,
            String rootDir,
            String commit,
            String branch,
            boolean dirty,
            String ciProvider,
            String ciBuildUrl,
            List<String> goals,
            String mavenVersion,
            String javaVersion,
            String os,
            String mode,
            String result,
            String runId,
            String shard) {}

    private static final class ToJson extends StdConverter<BuildRecord, FlatBuild> {
        @Override
        public FlatBuild convert(BuildRecord b) {
            return new FlatBuild(
                    b.id(),
                    b.startedAt(),
                    b.finishedAt(),
                    b.checkout().rootDir(),
                    b.checkout().commit(),
                    b.checkout().branch(),
                    b.checkout().dirty(),
                    b.ci().provider(),
                    b.ci().buildUrl(),
                    b.goals(),
                    b.tools().maven(),
                    b.tools().java(),
                    b.tools().os(),
                    b.mode() == null ? null : b.mode().stored(),
                    b.result() == null ? null : b.result().stored(),
                    b.ci().runId(),
                    b.ci().shard());
        }
    }

    private static final class FromJson extends StdDeserializer<BuildRecord> {
        FromJson() {
            super(BuildRecord.class);
        }

        @Override
        public BuildRecord deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            FlatBuild f = ctxt.readValue(p, FlatBuild.class);
            try {
                return new BuildRecord(
                        f.id(),
                        f.startedAt(),
                        f.finishedAt(),
                        f.goals(),
                        new Checkout(f.rootDir(), f.commit(), f.branch(), f.dirty()),
                        new CiRun(f.ciProvider(), f.ciBuildUrl(), f.runId(), f.shard()),
                        new ToolVersions(f.mavenVersion(), f.javaVersion(), f.os()),
                        RecordedMode.fromStored(f.mode()),
                        BuildResult.fromStored(f.result()));
            } catch (RuntimeException e) {
                // e.g. "goals": null; a Jackson exception, so a spool reader sets the file aside like any unreadable
                // one
                throw JsonMappingException.from(p, "invalid build record: " + e, e);
            }
        }
    }
}
