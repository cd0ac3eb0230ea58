package dev.ard.core.settings;

import dev.ard.core.selection.Shard;
import dev.ard.core.selection.predictive.TimeBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a setting's text becomes a value. Values are trimmed first; a blank value counts as not given (see
 * {@link Setting#parse}), except for a {@link Flag}, where {@code -Dard.explain} alone (an empty value on some Maven
 * versions) switches it on, and a {@link CommaList}, where it is the empty list.
 *
 * @param <T> the parsed value's type
 */
public sealed interface ValueType<T> {

    /** What a valid value looks like, for error messages ("a whole number ≥ 0"). */
    String expected();

    /**
     * @param setting the setting's name, for the error message
     * @param text    the value as given, not blank
     * @throws InvalidSettingException when {@code text} is not a value of this type
     */
    T parse(String setting, String text);

    /** {@code true} or {@code false}, any case; blank means {@code true}. */
    record Flag() implements ValueType<Boolean> {
        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public Boolean parse(String setting, String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "true" -> true;
                case "false" -> false;
                default -> throw new InvalidSettingException(setting, text, expected());
            };
        }
    }

    /** A whole number of at least {@code min}. */
    record WholeNumber(long min) implements ValueType<Long> {
        @Override
        public String expected() {
            return "a whole number ≥ " + min;
        }

        @Override
        public Long parse(String setting, String text) {
            try {
                long value = Long.parseLong(text.strip());
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the setting's name
            }
            throw new InvalidSettingException(setting, text, expected());
        }
    }

    /** A decimal number in ({@code above}, {@code atMost}]. */
    record Decimal(double above, double atMost) implements ValueType<Double> {
        @Override
        public String expected() {
            return "a number in (" + above + ", " + atMost + "]";
        }

        @Override
        public Double parse(String setting, String text) {
            try {
                double value = Double.parseDouble(text.strip());
                if (value > above && value <= atMost) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the setting's name
            }
            throw new InvalidSettingException(setting, text, expected());
        }
    }

    /** Free text: a revision, a JDBC URL, a server id. */
    record Text() implements ValueType<String> {
        @Override
        public String expected() {
            return "text";
        }

        @Override
        public String parse(String setting, String text) {
            return text.strip();
        }
    }

    /** A file or directory. */
    record FilePath() implements ValueType<Path> {
        @Override
        public String expected() {
            return "a path";
        }

        @Override
        public Path parse(String setting, String text) {
            try {
                return Path.of(text.strip());
            } catch (RuntimeException e) { // InvalidPathException: a NUL character, say
                throw new InvalidSettingException(setting, text, expected());
            }
        }
    }

    /** Comma-separated values (globs, branch names, paths); blanks between commas are dropped. */
    record CommaList() implements ValueType<List<String>> {
        @Override
        public String expected() {
            return "a comma-separated list";
        }

        @Override
        public List<String> parse(String setting, String text) {
            List<String> values = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
            return List.copyOf(values);
        }
    }

    /** One of a fixed set of words, any case; the value is the word in lower case. */
    record Choice(List<String> words) implements ValueType<String> {
        public Choice {
            words = List.copyOf(words);
        }

        @Override
        public String expected() {
            return "one of " + String.join(", ", words);
        }

        @Override
        public String parse(String setting, String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (words.contains(value)) {
                return value;
            }
            throw new InvalidSettingException(setting, text, expected());
        }
    }

    /** A share of the candidates' test time ({@code 30%}) or a duration ({@code 5m}, {@code 90s}, {@code 1h}, {@code 1500ms}). */
    record Budget() implements ValueType<TimeBudget> {
        @Override
        public String expected() {
            return "a percentage in (0%, 100%] or a duration (5m, 90s, 1h, 1500ms)";
        }

        @Override
        public TimeBudget parse(String setting, String text) {
            try {
                return TimeBudget.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(setting, text, expected());
            }
        }
    }

    /** A positive duration: {@code 10s}, {@code 1500ms}, {@code 2m}, {@code 1h}. */
    record TimeSpan() implements ValueType<java.time.Duration> {
        @Override
        public String expected() {
            return "a positive duration (10s, 1500ms, 2m)";
        }

        @Override
        public java.time.Duration parse(String setting, String text) {
            if (!text.strip().endsWith("%")) {
                try {
                    java.time.Duration d = TimeBudget.parse(text).absolute();
                    if (d != null && d.compareTo(java.time.Duration.ZERO) > 0) {
                        return d;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below, with the setting's name
                }
            }
            throw new InvalidSettingException(setting, text, expected());
        }
    }

    /** A shard of a CI run: {@code i/n} (1-based), or {@code all/n} (every shard, for a what-if). */
    record ShardOfRun() implements ValueType<Shard> {
        @Override
        public String expected() {
            return Shard.EXPECTED;
        }

        @Override
        public Shard parse(String setting, String text) {
            try {
                return Shard.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(setting, text, expected());
            }
        }
    }
}
