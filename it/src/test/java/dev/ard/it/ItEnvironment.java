package dev.ard.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where things are, as the it module's pom passes them to Failsafe (see its comment for why the
 * samples use an isolated local repository).
 */
final class ItEnvironment {
    private ItEnvironment() {}

    /** The Maven that runs the sample builds: the one running the outer build, or another Maven with -Pit-maven -Dard.it.maven.version=V. */
    static Path mavenHome() {
        return path("ard.it.mavenHome");
    }

    /** Whether the Maven running the samples is Maven 4 (its lib holds the Maven 4 API). */
    static boolean maven4() {
        try (java.util.stream.Stream<Path> jars =
                java.nio.file.Files.list(mavenHome().resolve("lib"))) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("maven-api-core-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The isolated local repository ARD was installed into (pre-integration-test). */
    static Path itRepo() {
        return path("ard.it.repo");
    }

    /** ARD's version, written into each sample's .mvn/extensions.xml. */
    static String ardVersion() {
        return property("ard.it.version");
    }

    /** Directory holding the sample projects ({@code it/src/it}). */
    static Path samples() {
        return path("ard.it.samples");
    }

    /** Where each test class gets its own copy of a sample ({@code it/target/it-work}). */
    static Path work() {
        return path("ard.it.work");
    }

    /** The outer build runs offline (-o): so do the samples. */
    static boolean offline() {
        return System.getProperty("ard.it.offline", "").equals("offline=true");
    }

    /**
     * A settings file for the sample builds: the outer build's local repository as a file:// remote
     * ahead of Central (artifacts it already has are copied, not downloaded), and {@code dev.ard} as a
     * plugin group so {@code ard:stats} resolves.
     */
    static synchronized Path settings() throws IOException {
        Path file = work().resolve("settings.xml");
        if (Files.exists(file)) {
            return file;
        }
        String outer = path("ard.it.outerRepo").toUri().toString();
        String repository = """
                    <id>outer-local</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings>
                  <pluginGroups>
                    <pluginGroup>dev.ard</pluginGroup>
                  </pluginGroups>
                  <profiles>
                    <profile>
                      <id>outer-local-repository</id>
                      <repositories>
                        <repository>
                %s        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                %s        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>outer-local-repository</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repository.indent(4), repository.indent(4));
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static Path path(String key) {
        return Paths.get(property(key)).toAbsolutePath().normalize();
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + key + " is not set: run the ITs through the it module's pom");
        }
        return value;
    }
}
