package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ard.core.attest.model.BuilderIdentity;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenancePolicyTest {
    private final Statement statement = Statements.sample(Instant.EPOCH, Instant.EPOCH);
    private final Map<String, String> files = Map.of("app-1.0.jar", Statements.SHA256, "app-1.0.pom", "00".repeat(32));

    @Test
    void acceptsMatchingSubjectsSourceAndBuilder() {
        assertThatCode(() ->
                        new ProvenancePolicy("https://github.com/o/r", BuilderIdentity.LOCAL).check(statement, files))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProvenancePolicy("https://github.com/o/r.git/", null).check(statement, files))
                .doesNotThrowAnyException();
    }

    @Test
    void subjectDigestMismatchNamesTheFile() {
        assertThatThrownBy(() -> ProvenancePolicy.ANY.check(statement, Map.of("app-1.0.jar", "11".repeat(32))))
                .hasMessageStartingWith(
                        "subject digest mismatch: the provenance says app-1.0.jar has sha256:" + Statements.SHA256);
    }

    @Test
    void subjectWithoutAFile() {
        assertThatThrownBy(() -> ProvenancePolicy.ANY.check(statement, Map.of()))
                .hasMessage("provenance subject app-1.0.jar is not among the files checked");
    }

    @Test
    void wrongSourceOrBuilder() {
        assertThatThrownBy(() -> new ProvenancePolicy("https://github.com/evil/r", null).check(statement, files))
                .hasMessage("the provenance names no source from https://github.com/evil/r");
        assertThatThrownBy(
                        () -> new ProvenancePolicy(null, "https://github.com/actions/runner").check(statement, files))
                .hasMessageStartingWith(
                        "builder id is '" + BuilderIdentity.LOCAL + "', expected https://github.com/actions/runner");
    }
}
