package dev.ard.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPolicyParserTest {
    @TempDir
    Path dir;

    @Test
    void readsRulesInOrderWithTheirLines() throws Exception {
        TrustPolicy p = parse("""
                {
                  "missingSignature": "ignore",
                  "rules": [
                    { "artifacts": ["dev.sigstore:*"], "missingSignature": "fail",
                      "signers": [ { "issuer": "https://github.com/login/oauth", "identity": "https://x/y@refs/tags/v1" } ] },
                    { "artifacts": ["org.apache.*:*:3.*"] }
                  ]
                }
                """);
        assertThat(p.missingDefault()).isEqualTo(MissingSignature.IGNORE);
        assertThat(p.rules()).extracting(TrustRule::line).containsExactly(4, 6);
        ArtifactCoordinates sj = new ArtifactCoordinates("dev.sigstore", "sigstore-java", "2.0.0", "", "jar");
        assertThat(p.missing(sj)).isEqualTo(MissingSignature.FAIL);
        assertThat(p.ruleFor(new ArtifactCoordinates("org.apache.maven", "maven-core", "3.9.9", "", "jar")))
                .map(TrustRule::line)
                .contains(6);
        assertThat(p.ruleFor(new ArtifactCoordinates("org.apache.maven", "maven-core", "4.0.0", "", "jar")))
                .isEmpty();
        assertThat(p.sha256()).hasSize(64);
    }

    @Test
    void patternsAreWholeAndExact() {
        CoordinatePattern p = CoordinatePattern.parse("org.example:lib");
        assertThat(p.matches(new ArtifactCoordinates("org.example", "lib", "1", "", "jar")))
                .isTrue();
        assertThat(p.matches(new ArtifactCoordinates("org.example", "lib-evil", "1", "", "jar")))
                .isFalse();
        assertThat(p.matches(new ArtifactCoordinates("org.examplex", "lib", "1", "", "jar")))
                .isFalse();
        // a dot is a dot, not any character
        assertThat(CoordinatePattern.parse("org.example:*")
                        .matches(new ArtifactCoordinates("orgxexample", "lib", "1", "", "jar")))
                .isFalse();
        assertThatThrownBy(() -> CoordinatePattern.parse("org.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoordinatePattern.parse("org.(x|y):lib")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachErrorNamesTheFileAndTheLine() {
        assertError("{\n  \"rulez\": []\n}", ":2: unknown field 'rulez'");
        assertError("{\"rules\": [\n {\"artifacts\": []}\n]}", ":2: a rule needs \"artifacts\"");
        assertError(
                "{\"rules\": [\n {\"artifacts\": [\"a:b\"], \"signers\": [{\"issuer\": \"i\"}]}\n]}",
                ":2: a keyless signer needs exactly one of identity and identityRegex");
        assertError(
                "{\"rules\": [\n\n {\"artifacts\": [\"a:b\"], \"signers\": [{\"issuer\": \"i\", \"identityRegex\": \"(\"}]}]}",
                ":3: identityRegex is not a valid regular expression");
        assertError(
                "{\"rules\": [{\"artifacts\": [\"a:b\"], \"signers\": [{\"publicKey\": \"missing.pem\"}]}]}",
                "cannot read the public key");
        assertError("{\"missingSignature\": \"maybe\"}", "missingSignature must be fail, warn or ignore");
        assertError("{\"rules\": [], \"rules\": []}", "not valid JSON");
        assertError("{\"rules\": [", "not valid JSON");
        assertError("[]", "the policy must be a JSON object");
        assertError("{\"version\": 2}", "version must be 1");
        assertError(
                "{\"rules\":[{\"artifacts\":[\"a:b\"],\"signers\":[{\"issuer\":\"i\",\"identity\":\"x\",\"extra\":1}]}]}",
                "unknown signer field 'extra'");
    }

    @Test
    void aMissingFileIsNoPolicyAndAHugeOneIsRefused() throws Exception {
        assertThat(TrustPolicyParser.read(dir.resolve("absent.json"))).isSameAs(TrustPolicy.NONE);
        Path huge = Files.write(dir.resolve("huge.json"), new byte[(int) TrustPolicyParser.MAX_BYTES + 1]);
        assertThatThrownBy(() -> TrustPolicyParser.read(huge))
                .isInstanceOf(TrustPolicyException.class)
                .hasMessageContaining("more than the");
    }

    @Test
    void theLockRoundTripsAndRefusesMalformedLines() throws Exception {
        ArtifactCoordinates c = new ArtifactCoordinates("org.example", "lib", "1.0", "tests", "jar");
        Signer s = Signer.keyless(
                "https://token.actions.githubusercontent.com",
                "https://github.com/o/r/.github/workflows/r.yml@refs/tags/v1");
        TrustLock lock = TrustLock.of(java.util.List.of(
                new TrustLock.Entry(c, "a".repeat(64), java.util.Optional.of(s)),
                new TrustLock.Entry(
                        new ArtifactCoordinates("org.b", "b", "2", "", "pom"),
                        "b".repeat(64),
                        java.util.Optional.empty())));
        Path file = dir.resolve(".mvn/ard-trust.lock");
        lock.write(file);
        TrustLock read = TrustLock.read(file);
        assertThat(read.entry(c)).map(TrustLock.Entry::signer).contains(java.util.Optional.of(s));
        assertThat(read.size()).isEqualTo(2);
        assertThat(s.stable().identity()).isEqualTo("https://github.com/o/r/.github/workflows/r.yml");

        Files.writeString(file, "# header\norg.example:lib:jar:1.0 sha256:xyz unsigned\n");
        assertThatThrownBy(() -> TrustLock.read(file))
                .isInstanceOf(TrustPolicyException.class)
                .hasMessageContaining(":2: not");
        Files.writeString(file, "org.example:lib:jar:1.0 sha256:" + "a".repeat(64) + " keyless onlyissuer\n");
        assertThatThrownBy(() -> TrustLock.read(file)).isInstanceOf(TrustPolicyException.class);
    }

    private TrustPolicy parse(String json) throws Exception {
        return TrustPolicyParser.parse(json.getBytes(StandardCharsets.UTF_8), dir.resolve("ard-trust.json"));
    }

    private void assertError(String json, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(TrustPolicyException.class)
                .hasMessageContaining("ard-trust.json")
                .hasMessageContaining(message);
    }
}
