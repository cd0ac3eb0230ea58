package dev.ard.maven.extension;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code ard.*} properties the extension reads, merged from (highest first) the session's user
 * properties ({@code -D…}), the system properties and the top-level project's {@code <properties>}.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ard.selection}</td><td>{@code all}</td><td>{@code off}: ARD is fully inert (no reporter
 *       added, nothing recorded); {@code all}: run every test and record telemetry. Other values
 *       ({@code safe}, {@code predictive}, {@code auto}) are reserved and currently behave as {@code all}
 *       with a warning.</td></tr>
 *   <tr><td>{@code ard.store}</td><td>SQLite at {@code <root>/.ard/telemetry.db}</td><td>JDBC URL of the
 *       telemetry store, e.g. {@code jdbc:postgresql://host/db}.</td></tr>
 *   <tr><td>{@code ard.store.server}</td><td>none</td><td>settings.xml {@code <server>} id whose (decrypted)
 *       username/password log in to {@code ard.store}.</td></tr>
 *   <tr><td>{@code ard.strict}</td><td>{@code false}</td><td>{@code true}: any ARD failure fails the build
 *       instead of logging one warning.</td></tr>
 * </table>
 *
 * @param selection    the selection mode in effect
 * @param strict       fail the build on any ARD fault
 * @param rawSelection the value as given, for the warning about reserved modes
 * @param all          the merged {@code ard.*} properties only (system properties also hold the environment,
 *                     secrets included, which ARD neither needs nor keeps), for the store configuration
 */
public record ArdProperties(Selection selection, boolean strict, String rawSelection, Map<String, String> all) {

    public static final String SELECTION = "ard.selection";
    public static final String STORE = "ard.store";
    public static final String STORE_SERVER = "ard.store.server";
    public static final String STRICT = "ard.strict";

    /** Test-selection modes the extension implements today. */
    public enum Selection {
        OFF,
        ALL;

        /** The name stored in {@code BuildRecord.mode}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArdProperties {
        all = Map.copyOf(all);
    }

    /** Reads the ARD settings out of already merged properties. */
    public static ArdProperties from(Map<String, String> merged) {
        Map<String, String> ard = new HashMap<>();
        merged.forEach((name, value) -> {
            if (name != null && value != null && name.startsWith("ard.")) {
                ard.put(name, value);
            }
        });
        String raw = ard.getOrDefault(SELECTION, "all").trim();
        Selection selection = "off".equalsIgnoreCase(raw) ? Selection.OFF : Selection.ALL;
        boolean strict = Boolean.parseBoolean(ard.getOrDefault(STRICT, "false").trim());
        return new ArdProperties(selection, strict, raw, ard);
    }

    /** Merges the three property sources; a later argument overrides an earlier one. Nulls are skipped. */
    public static Map<String, String> merge(Properties project, Properties system, Properties user) {
        Map<String, String> merged = new HashMap<>();
        for (Properties source : new Properties[] {project, system, user}) {
            if (source != null) {
                // stringPropertyNames() also sees defaults and skips non-String entries someone may have put.
                for (String name : source.stringPropertyNames()) {
                    merged.put(name, source.getProperty(name));
                }
            }
        }
        return merged;
    }

    /** Names only: a property value (e.g. a JDBC URL) may hold a password. */
    @Override
    public String toString() {
        return "ArdProperties[selection=" + selection.id() + ", strict=" + strict + ", set=" + new java.util.TreeSet<>(all.keySet()) + "]";
    }

    /** True when {@code ard.selection} names a mode that is reserved but not implemented (run as {@code all}). */
    public boolean selectionFallsBackToAll() {
        return selection == Selection.ALL && !"all".equalsIgnoreCase(rawSelection);
    }
}
