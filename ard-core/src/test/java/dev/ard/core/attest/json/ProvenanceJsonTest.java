package dev.ard.core.attest.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvenanceJsonTest {
    private static final Instant START = Instant.parse("2026-11-28T10:15:30.123456789Z");
    private static final Instant END = Instant.parse("2026-11-28T10:16:00Z");

    @Test
    void fieldOrderSortedMapsUtcTimesNoNulls() {
        String json = new String(ProvenanceJson.write(Statements.sample(START, END)), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\n  \"_type\" : \"https://in-toto.io/Statement/v1\",\n  \"subject\" : [");
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("null");
        assertThat(json.indexOf("\"sha256\"")).isLessThan(json.indexOf("\"sha512\""));
        assertThat(json.indexOf("\"buildType\"")).isLessThan(json.indexOf("\"externalParameters\""));
        assertThat(json.indexOf("\"externalParameters\"")).isLessThan(json.indexOf("\"internalParameters\""));
        // keys of nested plain maps are sorted too
        assertThat(json.indexOf("\"b\" : \"2\"")).isLessThan(json.indexOf("\"revision\" : \"1.0\""));
        assertThat(json)
                .contains("\"startedOn\" : \"2026-11-28T10:15:30.123Z\"", "\"finishedOn\" : \"2026-11-28T10:16:00Z\"");
        // an empty builderDependencies list is left out, an empty profiles list is kept (it is a parameter)
        assertThat(json).doesNotContain("builderDependencies").contains("\"profiles\" : [ ]");
    }

    @Test
    void sameStatementSameBytes() {
        assertThat(ProvenanceJson.write(Statements.sample(START, END)))
                .isEqualTo(ProvenanceJson.write(Statements.sample(START, END)));
    }

    @Test
    void whatIsWrittenParsesBackValidAndEqual() throws Exception {
        Statement statement = Statements.sample(START.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), END);
        ParsedStatement parsed = ProvenanceParser.parse(ProvenanceJson.write(statement));

        assertThat(parsed.violations()).isEmpty();
        assertThat(parsed.envelope()).isEqualTo("statement");
        assertThat(parsed.statement().subject()).isEqualTo(statement.subject());
        assertThat(parsed.statement().predicate().buildDefinition().resolvedDependencies())
                .isEqualTo(statement.predicate().buildDefinition().resolvedDependencies());
        assertThat(parsed.statement().predicate().runDetails().metadata())
                .isEqualTo(statement.predicate().runDetails().metadata());
        assertThat(ProvenanceJson.write(parsed.statement())).isEqualTo(ProvenanceJson.write(statement));
    }
}
