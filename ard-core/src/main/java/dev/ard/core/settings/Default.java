package dev.ard.core.settings;

/** A setting's default: none, a literal value (what {@code @Parameter(defaultValue)} holds), or one ARD works out. */
sealed interface Default {

    /** How the README shows it. */
    String display();

    /** No default: the setting is off or unset unless given. */
    record None() implements Default {
        @Override
        public String display() {
            return "—";
        }
    }

    /** A literal, parsed like a user's value; a Mojo's {@code defaultValue} must be exactly this text. */
    record Value(String literal) implements Default {
        @Override
        public String display() {
            return "`" + literal + "`";
        }
    }

    /**
     * Worked out at run time (an environment variable, a path under the build's root), so no Mojo carries it as
     * {@code defaultValue}; {@code description} is Markdown.
     */
    record Computed(String description) implements Default {
        @Override
        public String display() {
            return description;
        }
    }

    static Default none() {
        return new None();
    }

    static Default value(String literal) {
        return new Value(literal);
    }

    static Default computed(String description) {
        return new Computed(description);
    }
}
