package dev.ard.core.settings;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The README's settings tables, rendered from the catalogue. The README holds each between
 * {@code <!-- settings:begin NAME -->} and {@code <!-- settings:end NAME -->}; {@code ReadmeSettingsTest} checks them
 * (and rewrites them with {@code -Dreadme.update=true}).
 */
public enum SettingsTable {
    /** Test selection, telemetry, the store and the goals that read it. */
    BUILD(EnumSet.of(
            Scope.EXTENSION, Scope.STATS, Scope.REPORT, Scope.QUARANTINE, Scope.SELECT, Scope.TRAIN, Scope.EVALUATE)),
    /** {@code ard:provenance}. */
    PROVENANCE(EnumSet.of(Scope.PROVENANCE)),
    /** {@code ard:sign} and {@code ard:verify}. */
    SIGNING(EnumSet.of(Scope.SIGN, Scope.VERIFY)),
    /** {@code ard:verify-dependencies}. */
    DEPENDENCIES(EnumSet.of(Scope.VERIFY_DEPENDENCIES));

    private final Set<Scope> scopes;

    SettingsTable(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    /** The marker's name: {@code build}, {@code provenance}, {@code signing}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String beginMarker() {
        return "<!-- settings:begin " + id() + " -->";
    }

    public String endMarker() {
        return "<!-- settings:end " + id() + " -->";
    }

    /** The settings this table lists: those read in any of its scopes, in catalogue order. */
    public List<Setting<?>> settings() {
        return SettingsCatalog.all().stream()
                .filter(s -> s.scopes().stream().anyMatch(scopes::contains))
                .toList();
    }

    /** The Markdown table, one line per setting, ending with a newline. */
    public String render() {
        StringBuilder table = new StringBuilder("| property | default | read by | meaning |\n|---|---|---|---|\n");
        for (Setting<?> setting : settings()) {
            table.append("| `")
                    .append(setting.name())
                    .append("` | ")
                    .append(setting.defaultValue().display())
                    .append(" | ")
                    .append(readers(setting))
                    .append(" | ")
                    .append(setting.doc())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String readers(Setting<?> setting) {
        return EnumSet.copyOf(setting.scopes()).stream().map(Scope::label).collect(Collectors.joining(", "));
    }
}
