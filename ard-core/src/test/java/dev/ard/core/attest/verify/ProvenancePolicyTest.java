package dev.ard.core.attest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.json.ProvenanceJson;
import dev.ard.core.attest.json.ProvenanceParser;
import dev.ard.core.attest.model.BuilderIdentity;
import dev.ard.core.attest.model.Provenance;
import dev.ard.core.attest.model.ResourceDescriptor;
import dev.ard.core.attest.model.Statement;
import dev.ard.core.attest.model.Statements;
import dev.ard.core.attest.model.VerificationException;
import java.time.Instant;
import java.util.List;
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

    private static final String WORKFLOW = "https://github.com/o/r/.github/workflows/release.yml";

    /** The sample statement, built by {@code builderId} from the source {@code sourceUri}. */
    private static Statement from(String builderId, String sourceUri) {
        Statement sample = Statements.sample(Instant.EPOCH, Instant.EPOCH);
        Provenance p = sample.predicate();
        Provenance.BuildDefinition d = p.buildDefinition();
        Provenance.RunDetails r = p.runDetails();
        ResourceDescriptor source = new ResourceDescriptor(
                null, sourceUri, Map.of("gitCommit", "0123456789abcdef0123456789abcdef01234567"), null, null, null);
        return Statement.of(
                sample.subject(),
                new Provenance(
                        new Provenance.BuildDefinition(
                                d.buildType(), d.externalParameters(), d.internalParameters(), List.of(source)),
                        new Provenance.RunDetails(
                                new Provenance.Builder(builderId, Map.of(), null), r.metadata(), r.byproducts())));
    }

    @Test
    void theBuilderIdMatchesExactlyOrUpToItsRef() {
        Statement main = from(WORKFLOW + "@refs/heads/main", "git+https://github.com/o/r@refs/heads/main");
        for (String expected : List.of(WORKFLOW, WORKFLOW + "@refs/heads/main")) {
            assertThatCode(() -> new ProvenancePolicy(null, expected).checkOrigin(main))
                    .as(expected)
                    .doesNotThrowAnyException();
        }
        // Once a prefix match: a longer workflow name, a parent path, another ref, a ref-less expected id's prefix.
        Statement evil = from(
                "https://github.com/o/r/.github/workflows/release.yml-evil.yml@refs/heads/dev",
                "git+https://github.com/o/r@refs/heads/dev");
        assertThatThrownBy(() -> new ProvenancePolicy(null, WORKFLOW).checkOrigin(evil))
                .hasMessage(
                        "builder id is 'https://github.com/o/r/.github/workflows/release.yml-evil.yml@refs/heads/dev',"
                                + " expected " + WORKFLOW);
        assertThatThrownBy(() -> new ProvenancePolicy(null, "https://github.com/o/r").checkOrigin(main))
                .hasMessageStartingWith("builder id is '");
        assertThatThrownBy(() -> new ProvenancePolicy(null, WORKFLOW + "@refs/heads/ma").checkOrigin(main))
                .hasMessageStartingWith("builder id is '");
        assertThatThrownBy(() -> new ProvenancePolicy(null, WORKFLOW + "@refs/tags/v1").checkOrigin(main))
                .hasMessageStartingWith("builder id is '");
        assertThatThrownBy(() ->
                        new ProvenancePolicy(null, WORKFLOW).checkOrigin(from(null, "git+https://github.com/o/r")))
                .hasMessage("builder id is (none), expected " + WORKFLOW);
    }

    @Test
    void theSourceRepositoryMatchesExactly() {
        for (String uri : List.of(
                "git+https://github.com/o/r@refs/heads/main",
                "git+https://github.com/o/r.git@0123456789abcdef0123456789abcdef01234567",
                "git+https://github.com/o/r/",
                "https://github.com/o/r")) {
            assertThatCode(() -> new ProvenancePolicy("https://github.com/o/r", null).checkOrigin(from(WORKFLOW, uri)))
                    .as(uri)
                    .doesNotThrowAnyException();
        }
        for (String uri : List.of(
                "git+https://github.com/o/r-evil@refs/heads/main",
                "git+https://github.com/o/r-evil/x@refs/heads/main",
                "git+https://github.com/o/r/sub@refs/heads/main",
                "git+https://github.com/o@refs/heads/main",
                "git+https://github.com/O/R@refs/heads/main")) {
            assertThatThrownBy(
                            () -> new ProvenancePolicy("https://github.com/o/r", null).checkOrigin(from(WORKFLOW, uri)))
                    .as(uri)
                    .hasMessage("the provenance names no source from https://github.com/o/r");
        }
    }

    @Test
    void onlyValidProvenanceIsChecked() throws Exception {
        byte[] json = ProvenanceJson.write(from(WORKFLOW, "git+https://github.com/o/r"));
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(json);
        tree.put("predicateType", "https://slsa.dev/provenance/v0.2");
        ParsedStatement wrongType = ProvenanceParser.parseStatement(new ObjectMapper().writeValueAsBytes(tree));
        assertThatThrownBy(() -> ProvenancePolicy.provenance(wrongType))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "the signed provenance is not valid SLSA provenance v1: predicateType: not SLSA provenance v1"
                                + " (https://slsa.dev/provenance/v1)");
        assertThat(ProvenancePolicy.provenance(ProvenanceParser.parseStatement(json))
                        .subject())
                .hasSize(1);
    }
}
