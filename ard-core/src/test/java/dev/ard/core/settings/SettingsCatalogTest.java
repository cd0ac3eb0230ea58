package dev.ard.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsCatalogTest {

    @Test
    void namesAreUniqueAndEveryLiteralDefaultParses() {
        Set<String> names = new HashSet<>();
        for (Setting<?> setting : SettingsCatalog.all()) {
            assertThat(names.add(setting.name())).as(setting.name()).isTrue();
            assertThat(setting.doc())
                    .as(setting.name())
                    .isNotBlank()
                    .doesNotContain("\n")
                    .doesNotContain("|");
            if (setting.literalDefault() != null && !setting.literalDefault().startsWith("${")) {
                assertThat(setting.parse(null)).as(setting.name()).isNotNull();
            }
        }
        assertThat(SettingsCatalog.find("ard.train.every")).containsSame(SettingsCatalog.TRAIN_EVERY);
        assertThat(SettingsCatalog.find("ard.nope")).isEmpty();
    }

    @Test
    void everyTableListsWhatItsScopesRead() {
        assertThat(SettingsTable.BUILD.settings())
                .contains(SettingsCatalog.TRAIN_EVERY, SettingsCatalog.STORE, SettingsCatalog.STRICT)
                .doesNotContain(SettingsCatalog.SIGN_MODE);
        assertThat(SettingsTable.PROVENANCE.settings())
                .contains(SettingsCatalog.STRICT)
                .doesNotContain(SettingsCatalog.STORE);
        assertThat(SettingsTable.SIGNING.settings()).contains(SettingsCatalog.SIGN_KEY, SettingsCatalog.TRUSTED_ROOT);
        assertThat(SettingsTable.BUILD.render())
                .contains("| `ard.train.every` | `50` | extension | after this many builds")
                .contains(
                        "| `ard.store` | env `ARD_STORE`, else `<root>/.ard/telemetry.db` | extension, ard:stats, ard:report, ard:quarantine, ard:select, ard:train, ard:evaluate |")
                .contains("| `ard.baseRef` | — |");
    }

    @Test
    void valuesComeFromTheHighestSourceAndOnlyArdNamesAreKept() {
        SettingValues values = SettingValues.merge(
                props("ard.selection", "safe", "ard.store", "project"),
                props("ard.store", "system", "JAVA_HOME", "/jdk"),
                props("ard.store", "user"));

        assertThat(values.get(SettingsCatalog.SELECTION)).isEqualTo("safe");
        assertThat(values.get(SettingsCatalog.STORE)).isEqualTo("user");
        assertThat(values.asMap()).containsOnlyKeys("ard.selection", "ard.store");
        assertThat(SettingValues.merge(null, props("ard.store", "system"), null).raw(SettingsCatalog.STORE))
                .isEqualTo("system");
    }

    @Test
    void defaultsApplyWhenNotGivenOrBlankAndBadValuesSayWhy() {
        SettingValues none = SettingValues.of(Map.of());
        assertThat(none.get(SettingsCatalog.TRAIN_EVERY)).isEqualTo(50L);
        assertThat(none.get(SettingsCatalog.FULL_BRANCHES)).containsExactly("main", "master", "release/*");
        assertThat(none.get(SettingsCatalog.BASE_REF)).isNull();
        assertThat(SettingValues.of(Map.of("ard.baseRef", "  ")).get(SettingsCatalog.BASE_REF))
                .isNull();
        // given without a value: a flag is on, a list is empty (`-Dard.fullBranches=`: no full branches)
        assertThat(SettingValues.of(Map.of("ard.explain", "")).get(SettingsCatalog.EXPLAIN))
                .isTrue();
        assertThat(SettingValues.of(Map.of("ard.fullBranches", "")).get(SettingsCatalog.FULL_BRANCHES))
                .isEmpty();

        SettingValues bad = SettingValues.of(Map.of("ard.train.every", "often"));
        assertThatThrownBy(() -> bad.get(SettingsCatalog.TRAIN_EVERY))
                .hasMessage("ard.train.every='often' is not a whole number ≥ 0");
        assertThat(bad.getOr(SettingsCatalog.TRAIN_EVERY, 7L)).isEqualTo(7L);
    }

    @Test
    void overridesWinUnlessBlank() {
        SettingValues values = SettingValues.of(Map.of("ard.store", "from-properties", "ard.store.server", "db"))
                .with(SettingsCatalog.STORE, "jdbc:postgresql://h/x")
                .with(SettingsCatalog.STORE_SERVER, " ")
                .with(SettingsCatalog.STORE, null);

        assertThat(values.get(SettingsCatalog.STORE)).isEqualTo("jdbc:postgresql://h/x");
        assertThat(values.get(SettingsCatalog.STORE_SERVER)).isEqualTo("db");
        assertThat(values.toString()).isEqualTo("SettingValues[ard.store, ard.store.server]");
    }

    @Test
    void aSettingOutsideTheNamespaceOrWithAnUnparsableDefaultIsRefused() {
        assertThatThrownBy(() ->
                        new Setting<>("other.x", new ValueType.Text(), Default.none(), Set.of(Scope.EXTENSION), "doc"))
                .hasMessageContaining("not an ARD setting");
        assertThatThrownBy(() -> new Setting<>(
                        "ard.x", new ValueType.WholeNumber(0), Default.value("many"), Set.of(Scope.EXTENSION), "d"))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new Setting<>("ard.x", new ValueType.Text(), Default.none(), Set.of(), "doc"))
                .hasMessageContaining("applies nowhere");
    }

    private static Properties props(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
