package dev.ard.core.attest.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ard.core.SharedData;
import dev.ard.core.attest.model.Digests;
import dev.ard.core.attest.model.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real provenance from slsa-github-generator's Maven builder ({@code ../shared/data/slsa/}, next to the
 * repository root): Sigstore bundles whose DSSE payload is a Statement v0.1 with a SLSA v1 predicate.
 */
class SlsaSamplesTest {

    private static Path samples() {
        return SharedData.dir("slsa/gha_maven", Files::isDirectory);
    }

    @Test
    void everyMavenBuilderSampleParsesWithoutViolationAndNamesItsArtifact() throws Exception {
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(samples())) {
            bundles = files.filter(f -> f.getFileName().toString().endsWith(".build.slsa"))
                    .sorted()
                    .toList();
        }
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(4);
        for (Path bundle : bundles) {
            ParsedStatement parsed = ProvenanceParser.parse(bundle);
            assertThat(parsed.violations()).as("%s", bundle).isEmpty();
            assertThat(parsed.envelope()).isEqualTo("sigstore-bundle");
            Statement s = parsed.statement();
            assertThat(s.type()).isEqualTo(Statement.TYPE_V01);
            assertThat(s.predicateType()).isEqualTo(Statement.SLSA_PROVENANCE_V1);
            assertThat(s.predicate().runDetails().builder().id())
                    .startsWith(
                            "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_maven_slsa3.yml@");
            assertThat(s.predicate().buildDefinition().resolvedDependencies())
                    .singleElement()
                    .satisfies(d ->
                            assertThat(d.uri()).startsWith("git+https://github.com/slsa-framework/example-package@"))
                    .satisfies(d -> assertThat(d.digest()).containsKey("gitCommit"));

            Path artifact =
                    bundle.resolveSibling(bundle.getFileName().toString().replace(".build.slsa", ""));
            assertThat(s.subject()).singleElement().satisfies(subject -> assertThat(subject.digest())
                    .containsEntry("sha256", sha256(artifact)));
        }
    }

    private static String sha256(Path file) throws IOException {
        return Digests.sha256(file);
    }
}
