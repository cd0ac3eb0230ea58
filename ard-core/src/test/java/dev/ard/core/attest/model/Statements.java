package dev.ard.core.attest.model;

import dev.ard.core.selection.SelectionFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A realistic statement for tests. */
public final class Statements {
    public static final String SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    public static final String SHA512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    private Statements() {}

    public static Statement sample(Instant started, Instant finished) {
        var external = new java.util.HashMap<String, Object>();
        external.put("goals", List.of("verify"));
        external.put("profiles", List.of());
        external.put("properties", Map.of("revision", "1.0", "b", "2"));
        var deps = List.of(
                new ResourceDescriptor(
                        null,
                        "git+https://github.com/o/r.git@refs/heads/main",
                        Map.of("gitCommit", "0123456789abcdef0123456789abcdef01234567"),
                        null,
                        null,
                        Map.of("kind", "source")),
                new ResourceDescriptor(
                        null,
                        MavenPurl.of("g", "lib", "1.0", "jar", null),
                        Map.of("sha256", SHA256),
                        "https://repo.example/g/lib/1.0/lib-1.0.jar",
                        null,
                        Map.of("kind", "dependency", "scope", "compile")));
        Provenance provenance = new Provenance(
                new Provenance.BuildDefinition(
                        "https://ard.dev/maven/provenance/v1",
                        external,
                        Map.of("maven", "3.9.9", "dirty", false),
                        deps),
                new Provenance.RunDetails(
                        new Provenance.Builder(BuilderIdentity.LOCAL, Map.of("ard", "0.1.0"), null),
                        new Provenance.BuildMetadata("urn:uuid:x", started, finished),
                        List.of(SelectionByproduct.of(SelectionFile.NONE))));
        return Statement.of(
                List.of(ResourceDescriptor.subject("app-1.0.jar", Map.of("sha512", SHA512, "sha256", SHA256))),
                provenance);
    }
}
