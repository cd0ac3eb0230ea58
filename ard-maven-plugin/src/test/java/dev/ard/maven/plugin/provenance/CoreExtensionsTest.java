package dev.ard.maven.plugin.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreExtensionsTest {
    @TempDir
    Path root;

    @Test
    void readsEveryExtension() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/extensions.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <extensions>
                  <extension><groupId>dev.ard</groupId><artifactId>ard-maven-extension</artifactId><version>0.1.0</version></extension>
                  <extension>
                    <groupId> org.apache.maven.extensions </groupId>
                    <artifactId>maven-build-cache-extension</artifactId>
                    <version>1.2.0</version>
                  </extension>
                  <extension><groupId>incomplete</groupId></extension>
                </extensions>
                """);
        assertThat(CoreExtensions.read(root))
                .containsExactly(
                        new CoreExtensions.Coordinates("dev.ard", "ard-maven-extension", "0.1.0"),
                        new CoreExtensions.Coordinates(
                                "org.apache.maven.extensions", "maven-build-cache-extension", "1.2.0"));
    }

    @Test
    void noFileNoExtensions() throws IOException {
        assertThat(CoreExtensions.read(root)).isEmpty();
    }

    @Test
    void doctypesAreRefused() throws IOException {
        Files.createDirectories(root.resolve(".mvn"));
        Path secret = Files.writeString(root.resolve("secret.txt"), "s3cr3t");
        Files.writeString(root.resolve(".mvn/extensions.xml"), String.format(Locale.ROOT, """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "%s">]>
                <extensions><extension><groupId>&e;</groupId><artifactId>a</artifactId><version>1</version></extension></extensions>
                """, secret.toUri()));
        assertThatThrownBy(() -> CoreExtensions.read(root))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("extensions.xml")
                .hasMessageNotContaining("s3cr3t");
    }
}
