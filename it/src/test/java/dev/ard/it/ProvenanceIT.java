package dev.ard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ard.core.attest.json.ParsedStatement;
import dev.ard.core.attest.json.ProvenanceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/**
 * ard:provenance on a real two-module build: every subject and every resolved dependency carries the
 * sha256 of the file Maven used, two builds give the same statement except times and invocation id,
 * and secrets passed as -D properties never reach it.
 */
class ProvenanceIT {
    private static final String[] SECRETS = {
        "-Dmy.password=hunter2",
        "-Dapi.token=tok-123",
        "-DAWS_SECRET_KEY=AKIAXYZ",
        // a store nobody listens on (telemetry is spooled): its URL and login never reach provenance or the log
        "-Dard.store=jdbc:postgresql://127.0.0.1:1/x?user=ci&password=pg-pw-in-url&sslpassword=ssl-pw-in-url"
    };

    private static Path statement(Sample sample, String module, String artifactId) {
        return sample.dir().resolve(module).resolve("target/ard/" + artifactId + "-1.0.provenance.json");
    }

    @Test
    void everyDigestMatchesItsFileAndTwoBuildsAgree() throws Exception {
        Sample sample = ProvenanceSample.copy(ItEnvironment.work().resolve("provenance"))
                .gitInit();
        try (Git git = Git.open(sample.dir().toFile())) {
            git.remoteAdd()
                    .setName("origin")
                    .setUri(new URIish("https://ci-user:s3cr3t-pat@example.com/o/r.git"))
                    .call();
        }
        List<String> args =
                new ArrayList<>(List.of("clean", "verify", "-Dard.provenance.properties=*", "-Dsample.flag=on"));
        args.addAll(List.of(SECRETS));

        MavenLog first = sample.maven(args.toArray(String[]::new)).run("first");
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.ardWarnings())
                .as("%s", first)
                .filteredOn(l -> !l.contains("telemetry not stored")) // names the spool under the sample's folder
                .noneMatch(l -> l.contains("provenance"));
        Path lib = statement(sample, "lib", "prov-lib");
        JsonNode libJson = ProvenanceSample.read(lib);
        JsonNode appJson = ProvenanceSample.read(statement(sample, "app", "prov-app"));
        Path reactor = sample.dir().resolve("target/ard/prov-sample-1.0.reactor.provenance.json");

        ParsedStatement parsed = ProvenanceParser.parse(lib);
        assertThat(parsed.violations()).isEmpty();
        assertSubjectsAreTheJars(libJson, sample.dir().resolve("lib/target"), 2);
        assertSubjectsAreTheJars(appJson, sample.dir().resolve("app/target"), 1);
        assertDependencyDigestsMatchTheLocalRepository(libJson);
        assertDependencyDigestsMatchTheLocalRepository(appJson);

        JsonNode deps = libJson.at("/predicate/buildDefinition/resolvedDependencies");
        JsonNode provlib = find(deps, "pkg:maven/dev.ard.sample/provlib@1.0?type=jar");
        Path repoFile = sample.dir().resolve("repo").resolve(ProvenanceSample.PROVLIB_PATH);
        assertThat(provlib.at("/digest/sha256").asText()).isEqualTo(ProvenanceSample.sha256(repoFile));
        assertThat(provlib.at("/annotations/repository").asText())
                .isEqualTo(sample.dir().resolve("repo").toUri().toString());
        assertThat(provlib.at("/annotations/scope").asText()).isEqualTo("compile");
        assertThat(provlib.at("/downloadLocation").asText()).endsWith("/repo/" + ProvenanceSample.PROVLIB_PATH);
        assertThat(find(deps, "pkg:maven/org.junit.jupiter/junit-jupiter-api@5.14.1?type=jar")
                        .at("/annotations/scope")
                        .asText())
                .isEqualTo("test");
        JsonNode sourcePlugin =
                find(deps, "pkg:maven/org.apache.maven.plugins/maven-source-plugin@3.4.0?type=maven-plugin");
        assertThat(sourcePlugin.at("/annotations/kind").asText()).isEqualTo("plugin");
        assertThat(sourcePlugin.at("/digest/sha256").asText()).hasSize(64);
        assertThat(stream(deps).filter(d -> d.at("/annotations/kind").asText().equals("plugin-dependency")))
                .isNotEmpty();
        assertThat(find(deps, "pkg:maven/dev.ard/ard-maven-extension@" + ItEnvironment.ardVersion() + "?type=jar")
                        .at("/annotations/kind")
                        .asText())
                .isEqualTo("core-extension");

        JsonNode source = deps.get(0);
        assertThat(source.get("uri").asText()).isEqualTo("git+https://example.com/o/r.git@refs/heads/main");
        assertThat(source.at("/digest/gitCommit").asText()).isEqualTo(sample.head());
        JsonNode appLib = find(
                appJson.at("/predicate/buildDefinition/resolvedDependencies"),
                "pkg:maven/dev.ard.sample/prov-lib@1.0?type=jar");
        assertThat(appLib.at("/annotations/origin").asText()).isEqualTo("reactor");
        assertThat(appLib.at("/digest/sha256").asText())
                .isEqualTo(ProvenanceSample.sha256(sample.dir().resolve("lib/target/prov-lib-1.0.jar")));

        JsonNode external = libJson.at("/predicate/buildDefinition/externalParameters");
        assertThat(external.at("/properties/sample.flag").asText()).isEqualTo("on");
        assertThat(external.at("/project/path").asText()).isEqualTo("lib");
        assertThat(external.at("/project/outputTimestamp").asText())
                .as("what a rebuild needs to reproduce the archives")
                .isEqualTo("2026-11-28T00:00:00Z");
        assertThat(libJson.at("/predicate/buildDefinition/internalParameters/dirty")
                        .asBoolean(true))
                .isFalse();
        assertThat(libJson.at("/predicate/runDetails/builder/id").asText()).isEqualTo("https://ard.dev/builders/local");
        assertThat(libJson.at("/predicate/runDetails/byproducts/0/name").asText())
                .isEqualTo("ard-test-selection");

        JsonNode reactorJson = ProvenanceSample.read(reactor);
        assertThat(stream(reactorJson.get("subject")).map(s -> s.get("name").asText()))
                .containsExactly(
                        "prov-app-1.0.jar", "prov-lib-1.0-sources.jar", "prov-lib-1.0.jar", "prov-sample-1.0.pom");
        assertThat(ProvenanceParser.parse(reactor).violations()).isEmpty();

        for (Path file : List.of(lib, statement(sample, "app", "prov-app"), reactor)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text)
                    .as(file.toString())
                    .doesNotContain(
                            "hunter2",
                            "tok-123",
                            "AKIAXYZ",
                            "s3cr3t",
                            "ci-user",
                            "my.password",
                            "api.token",
                            "AWS_SECRET_KEY",
                            "pg-pw-in-url",
                            "ssl-pw-in-url",
                            "jdbc:postgresql",
                            "ard.store");
        }
        assertThat(first.lines()).as("%s", first).noneMatch(l -> l.contains("pw-in-url"));
        assertThat(first.ardWarnings())
                .as("%s", first)
                .anyMatch(l -> l.contains("jdbc:postgresql://127.0.0.1:1/x is unreachable"));

        MavenLog second = sample.maven(args.toArray(String[]::new)).run("second");
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(ProvenanceSample.withoutRunFields(ProvenanceSample.read(lib)))
                .isEqualTo(ProvenanceSample.withoutRunFields(libJson));
        assertThat(ProvenanceSample.withoutRunFields(ProvenanceSample.read(reactor)))
                .isEqualTo(ProvenanceSample.withoutRunFields(reactorJson));
        assertThat(ProvenanceSample.read(lib).at("/predicate/runDetails/metadata/invocationId"))
                .isNotEqualTo(libJson.at("/predicate/runDetails/metadata/invocationId"));
    }

    private static void assertSubjectsAreTheJars(JsonNode statement, Path target, int jars) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(target)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSize(jars);
        assertThat(statement.get("subject")).hasSize(jars);
        for (Path jar : files) {
            JsonNode subject = stream(statement.get("subject"))
                    .filter(s -> s.get("name").asText().equals(jar.getFileName().toString()))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no subject named " + jar.getFileName() + " in " + statement));
            assertThat(subject.at("/digest/sha256").asText()).isEqualTo(ProvenanceSample.sha256(jar));
            assertThat(subject.at("/digest/sha512").asText()).hasSize(128);
        }
    }

    /** Every Maven artifact with a digest names the file at its place in the IT's local repository (or the reactor's jar). */
    private static void assertDependencyDigestsMatchTheLocalRepository(JsonNode statement) throws Exception {
        int checked = 0;
        for (JsonNode d : statement.at("/predicate/buildDefinition/resolvedDependencies")) {
            String uri = d.path("uri").asText();
            if (!uri.startsWith("pkg:maven/")
                    || d.at("/annotations/origin").asText().equals("reactor")) {
                continue;
            }
            Path file = ItEnvironment.itRepo().resolve(ProvenanceSample.repositoryPath(uri));
            assertThat(d.at("/digest/sha256").asText()).as(uri).isEqualTo(ProvenanceSample.sha256(file));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static JsonNode find(JsonNode descriptors, String uri) {
        return stream(descriptors)
                .filter(d -> uri.equals(d.path("uri").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + uri + " in " + descriptors));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    @Test
    void dirtyTreeIsOneWarningAndRequireCleanFails() throws Exception {
        Sample sample = ProvenanceSample.copy(ItEnvironment.work().resolve("provenance-dirty"))
                .gitInit();
        Files.writeString(
                sample.dir().resolve("lib/src/main/java/dev/ard/sample/lib/Extra.java"),
                "package dev.ard.sample.lib;\nfinal class Extra {}\n",
                StandardCharsets.UTF_8);

        MavenLog dirty = sample.maven("verify").run("dirty");
        assertThat(dirty.exitCode()).as("%s", dirty).isZero();
        assertThat(dirty.ardWarnings())
                .as("%s", dirty)
                .filteredOn(l -> l.contains("provenance"))
                .singleElement()
                .asString()
                .contains(
                        "1 uncommitted change(s) (first: lib/src/main/java/dev/ard/sample/lib/Extra.java)",
                        "dirty: true");
        assertThat(ProvenanceSample.read(statement(sample, "lib", "prov-lib"))
                        .at("/predicate/buildDefinition/internalParameters/dirty")
                        .asBoolean())
                .isTrue();

        MavenLog strict =
                sample.maven("verify", "-Dard.provenance.requireClean=true").run("require-clean");
        assertThat(strict.exitCode()).as("%s", strict).isNotZero();
        assertThat(strict.lines()).as("%s", strict).anySatisfy(l -> assertThat(l)
                .startsWith("[ERROR] Failed to execute goal dev.ard:ard-maven-plugin:")
                .contains("ARD: the working tree has 1 uncommitted change(s)", "ard.provenance.requireClean is set"));
    }

    @Test
    void outsideGitTheStatementHasNoSourceAndSaysSoOnce() throws Exception {
        // Outside it/target: the ARD checkout around it is a git repository ARD would find by searching upwards.
        Path dir = Files.createTempDirectory("ard-it-prov-no-git");
        try {
            Sample sample = ProvenanceSample.copy(dir.resolve("no-git"));
            MavenLog log = sample.maven("verify").run("no-git");

            assertThat(log.exitCode()).as("%s", log).isZero();
            assertThat(log.ardWarnings())
                    .as("%s", log)
                    .filteredOn(l -> l.contains("provenance"))
                    .singleElement()
                    .asString()
                    .contains("not a git repository", "the provenance names no source commit");
            JsonNode lib = ProvenanceSample.read(statement(sample, "lib", "prov-lib"));
            assertThat(stream(lib.at("/predicate/buildDefinition/resolvedDependencies"))
                            .filter(d -> d.at("/annotations/kind").asText().equals("source")))
                    .isEmpty();
            assertThat(lib.at("/predicate/buildDefinition/externalParameters").has("source"))
                    .isFalse();
            assertThat(ProvenanceParser.parse(statement(sample, "lib", "prov-lib"))
                            .violations())
                    .isEmpty();

            MavenLog required =
                    sample.maven("verify", "-Dard.provenance.requireClean=true").run("no-git-require-clean");
            assertThat(required.exitCode()).as("%s", required).isNotZero();
            assertThat(required.lines()).anySatisfy(l -> assertThat(l)
                    .contains("ARD: not a git repository", "ard.provenance.requireClean is set"));
        } finally {
            Sample.deleteTree(dir);
        }
    }

    @Test
    void nothingPackagedMeansNoStatementAndOneLineWhy() throws Exception {
        Sample sample = ProvenanceSample.copy(ItEnvironment.work().resolve("provenance-unpackaged"))
                .gitInit();
        MavenLog log = sample.maven("compile", "ard:provenance").run("unpackaged");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings())
                .as("%s", log)
                .filteredOn(l -> l.contains("prov-lib"))
                .containsExactly(
                        "[WARNING] ARD: no provenance for prov-lib: no artifact to attest (prov-lib-1.0.jar: not packaged (run ard:provenance after package))");
        assertThat(statement(sample, "lib", "prov-lib")).doesNotExist();
        assertThat(sample.dir().resolve("target/ard/prov-sample-1.0.provenance.json"))
                .as("the pom module's subject is its POM")
                .exists();

        MavenLog strict =
                sample.maven("compile", "ard:provenance", "-Dard.strict=true").run("unpackaged-strict");
        assertThat(strict.exitCode()).as("%s", strict).isNotZero();
        assertThat(strict.lines())
                .anySatisfy(l -> assertThat(l).contains("prov-lib-1.0.jar: not packaged", "[ard.strict]"));
    }

    @Test
    void offlineBuildNeedsNothingNewAndSaysItWasOffline() throws Exception {
        Sample sample = ProvenanceSample.copy(ItEnvironment.work().resolve("provenance-offline"))
                .gitInit();
        // file:// stays usable offline, as a mirror on disk would be; nothing else may be fetched.
        MavenLog log =
                sample.maven("verify", "-o", "-Daether.offline.protocols=file").run("offline");

        assertThat(log.exitCode()).as("%s", log).isZero();
        assertThat(log.ardWarnings()).as("%s", log).noneMatch(l -> l.contains("provenance"));
        JsonNode lib = ProvenanceSample.read(statement(sample, "lib", "prov-lib"));
        assertThat(lib.at("/predicate/buildDefinition/internalParameters/offline")
                        .asBoolean())
                .isTrue();
        assertThat(stream(lib.at("/predicate/buildDefinition/resolvedDependencies"))
                        .filter(d -> d.at("/annotations/kind").asText().equals("plugin-dependency")))
                .isNotEmpty();
        assertDependencyDigestsMatchTheLocalRepository(lib);
    }

    /**
     * {@code -Dard.sbom=true}: the extension adds cyclonedx-maven-plugin's makeBom to every project (the POMs do not
     * name it); online the SBOM is attached and named in the provenance with its digest. Under -o makeBom cannot run
     * (requiresOnline): ARD adds nothing, says so once, and the statement simply has no SBOM. Needs the plugin from
     * Maven Central once: skipped offline without it; the online half runs only when the outer build is online.
     */
    @Test
    void sbomIsAByproductOnlineAndAbsentOffline() throws Exception {
        boolean present = Files.isDirectory(
                ItEnvironment.itRepo().resolve("org/cyclonedx/cyclonedx-maven-plugin/" + SBOM_PLUGIN_VERSION));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                present || !ItEnvironment.offline(),
                "cyclonedx-maven-plugin is not in the IT repository and the build is offline: skipped");
        Sample sample = ProvenanceSample.copy(ItEnvironment.work().resolve("provenance-sbom"));
        assertThat(Files.readString(sample.dir().resolve("lib/pom.xml"))).doesNotContain("cyclonedx");
        sample.gitInit();

        if (!ItEnvironment.offline()) { // the samples run offline when the outer build does
            MavenLog online = sample.maven("verify", "-Dard.sbom=true").run("sbom");
            assertThat(online.exitCode()).as("%s", online).isZero();
            assertThat(online.lines())
                    .anyMatch(l ->
                            l.contains("--- cyclonedx:" + SBOM_PLUGIN_VERSION + ":makeBom (ard-sbom) @ prov-lib ---"));
            JsonNode lib = ProvenanceSample.read(statement(sample, "lib", "prov-lib"));
            String bom = ProvenanceSample.sha256(sample.dir().resolve("lib/target/bom.json"));
            JsonNode sbom = find(lib.at("/predicate/runDetails/byproducts"), null, "cyclonedx-sbom");
            assertThat(sbom.at("/digest/sha256").asText()).isEqualTo(bom);
            assertThat(sbom.get("mediaType").asText()).isEqualTo("application/vnd.cyclonedx+json");
            assertThat(stream(lib.get("subject"))
                            .filter(s -> s.get("name").asText().equals("prov-lib-1.0-cyclonedx.json")))
                    .singleElement()
                    .satisfies(s -> assertThat(s.at("/digest/sha256").asText()).isEqualTo(bom));
        }

        MavenLog offline = sample.maven("clean", "verify", "-Dard.sbom=true", "-o", "-Daether.offline.protocols=file")
                .run("sbom-offline");
        assertThat(offline.exitCode()).as("%s", offline).isZero();
        assertThat(offline.ardWarnings())
                .as("%s", offline)
                .contains(
                        "[WARNING] ARD: ard.sbom=true but Maven is offline: no SBOM (cyclonedx makeBom requires online mode)");
        JsonNode libOffline = ProvenanceSample.read(statement(sample, "lib", "prov-lib"));
        assertThat(stream(libOffline.at("/predicate/runDetails/byproducts"))
                        .map(b -> b.get("name").asText()))
                .containsExactly("ard-test-selection");
    }

    private static final String SBOM_PLUGIN_VERSION = "2.9.1";

    private static JsonNode find(JsonNode descriptors, String uri, String name) {
        return stream(descriptors)
                .filter(d -> name.equals(d.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + descriptors));
    }
}
