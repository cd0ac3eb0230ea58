package dev.ard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's settings tables are the catalogue's: each block between {@code <!-- settings:begin NAME -->} and
 * {@code <!-- settings:end NAME -->} must be exactly what {@link SettingsTable#render()} gives. After changing the
 * catalogue, rewrite them with
 * {@code ./mvnw -B -q -o -pl ard-core test -Dtest=ReadmeSettingsTest -Dreadme.update=true}.
 */
class ReadmeSettingsTest {

    private static final String UPDATE =
            "./mvnw -B -q -o -pl ard-core test -Dtest=ReadmeSettingsTest -Dreadme.update=true";

    private static Path readme() {
        return Path.of(System.getProperty("basedir", "."))
                .toAbsolutePath()
                .resolve("../README.md")
                .normalize();
    }

    @Test
    void everyTableMatchesTheCatalogue() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String updated = text;
        List<String> stale = new ArrayList<>();
        for (SettingsTable table : SettingsTable.values()) {
            int begin = updated.indexOf(table.beginMarker());
            int end = updated.indexOf(table.endMarker());
            if (begin < 0 || end < begin) {
                fail("README.md has no " + table.beginMarker() + " … " + table.endMarker()
                        + " block; add the two lines where the " + table.id() + " settings belong and run: " + UPDATE);
            }
            int from = begin + table.beginMarker().length() + 1;
            String expected = table.render();
            if (!updated.substring(from, end).equals(expected)) {
                stale.add(table.id());
                updated = updated.substring(0, from) + expected + updated.substring(end);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(readme, updated, StandardCharsets.UTF_8);
            return;
        }
        fail("README.md's settings tables " + stale
                + " differ from SettingsCatalog (a setting missing, a default or doc changed)."
                + " Edit the catalogue, not the README, then run: " + UPDATE);
    }

    @Test
    void everySettingIsDocumentedInTheReadme() throws IOException {
        String text = Files.readString(readme(), StandardCharsets.UTF_8);
        for (Setting<?> setting : SettingsCatalog.all()) {
            assertThat(text)
                    .as("README.md names " + setting.name() + "; run: " + UPDATE)
                    .contains("| `" + setting.name() + "` |");
        }
    }
}
