package dev.ard.core.settings;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code ard.*} setting.
 *
 * @param name         the property name ({@code ard.selection})
 * @param type         how its text is parsed
 * @param defaultValue what applies when it is not given
 * @param scopes       where it is read: the extension and/or plugin goals
 * @param doc          one line of Markdown, shown in the README
 * @param <T>          the parsed value's type
 */
public record Setting<T>(String name, ValueType<T> type, Default defaultValue, Set<Scope> scopes, String doc) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        if (!name.startsWith("ard.")) {
            throw new IllegalArgumentException("not an ARD setting: " + name);
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(name + " applies nowhere");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        if (defaultValue instanceof Default.Value literal && !literal.literal().startsWith("${")) {
            type.parse(name, literal.literal()); // a catalogue whose own default does not parse fails on first use
        }
    }

    /**
     * The value of {@code text}, or the literal default when {@code text} is {@code null} or blank; {@code null} when
     * neither is there. A blank {@link ValueType.Flag} is {@code true} and a blank {@link ValueType.CommaList} empty:
     * given, even without a value, they say something.
     *
     * @throws InvalidSettingException for a value that does not parse
     */
    public T parse(String text) {
        if (text != null
                && (!text.isBlank() || type instanceof ValueType.Flag || type instanceof ValueType.CommaList)) {
            return type.parse(name, text);
        }
        return defaultValue instanceof Default.Value literal ? type.parse(name, literal.literal()) : null;
    }

    /** The literal default, or {@code null} for none or a computed one. */
    public String literalDefault() {
        return defaultValue instanceof Default.Value literal ? literal.literal() : null;
    }

    public boolean appliesTo(Scope scope) {
        return scopes.contains(scope);
    }
}
