package dev.ard.core.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The {@code ard.*} properties of one build, read through the catalogue's parsers. Only {@code ard.*} entries are
 * kept: the sources (system properties in particular) also hold the environment, secrets included, which ARD
 * neither needs nor keeps.
 */
public final class SettingValues {

    private final Map<String, String> values;

    private SettingValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The {@code ard.*} entries of {@code properties}; null names or values are skipped. */
    public static SettingValues of(Map<String, String> properties) {
        Map<String, String> ard = new HashMap<>();
        properties.forEach((name, value) -> {
            if (name != null && value != null && name.startsWith("ard.")) {
                ard.put(name, value);
            }
        });
        return new SettingValues(ard);
    }

    /**
     * Merges property sources, lowest precedence first (for a build: the top-level pom's {@code <properties>}, the
     * system properties, the user's {@code -D…}); a later source overrides an earlier one, {@code null}s are skipped.
     */
    public static SettingValues merge(Properties... lowestFirst) {
        Map<String, String> merged = new HashMap<>();
        for (Properties source : lowestFirst) {
            if (source != null) {
                // stringPropertyNames() also sees defaults and skips non-String entries someone may have put.
                for (String name : source.stringPropertyNames()) {
                    merged.put(name, source.getProperty(name));
                }
            }
        }
        return of(merged);
    }

    /** These values with {@code setting} set to {@code value} (a Mojo's parameter); a {@code null} or blank value changes nothing. */
    public SettingValues with(Setting<?> setting, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, String> merged = new HashMap<>(values);
        merged.put(setting.name(), value);
        return new SettingValues(merged);
    }

    /**
     * The parsed value, or the default when it is not given.
     *
     * @throws InvalidSettingException when the given value does not parse
     */
    public <T> T get(Setting<T> setting) {
        return setting.parse(values.get(setting.name()));
    }

    /** The parsed value, or {@code fallback} when it does not parse (the extension never fails a build over a typo). */
    public <T> T getOr(Setting<T> setting, T fallback) {
        try {
            return get(setting);
        } catch (InvalidSettingException e) {
            return fallback;
        }
    }

    /** The value as given (untrimmed), or {@code null}. */
    public String raw(Setting<?> setting) {
        return values.get(setting.name());
    }

    /** Every {@code ard.*} property given, known to the catalogue or not. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Names only: a value (a JDBC URL, say) may hold a password. */
    @Override
    public String toString() {
        return "SettingValues" + new TreeSet<>(values.keySet());
    }
}
