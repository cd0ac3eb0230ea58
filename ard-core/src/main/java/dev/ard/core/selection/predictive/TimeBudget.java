package dev.ard.core.selection.predictive;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code -Dard.timeBudget}: a share of the candidates' expected test time ({@code 30%}) or an absolute duration
 * ({@code 5m}, {@code 90s}, {@code 1h}, {@code 1500ms}). {@link #NONE} means no limit.
 *
 * @param fraction share of the total in (0, 1], or 0 when absolute or none
 * @param absolute the duration, or {@code null}
 */
public record TimeBudget(double fraction, Duration absolute) {

    public static final TimeBudget NONE = new TimeBudget(0, null);

    /** @throws IllegalArgumentException for a value that is neither a percentage nor a duration */
    public static TimeBudget parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("%")) {
                double percent =
                        Double.parseDouble(v.substring(0, v.length() - 1).strip());
                if (percent <= 0 || percent > 100) {
                    throw new IllegalArgumentException("ard.timeBudget must be in (0%, 100%]: " + value);
                }
                return new TimeBudget(percent / 100.0, null);
            }
            long amount;
            if (v.endsWith("ms")) {
                return new TimeBudget(
                        0,
                        Duration.ofMillis(
                                Long.parseLong(v.substring(0, v.length() - 2).strip())));
            }
            amount = Long.parseLong(v.substring(0, v.length() - 1).strip());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> new TimeBudget(0, Duration.ofSeconds(amount));
                case 'm' -> new TimeBudget(0, Duration.ofMinutes(amount));
                case 'h' -> new TimeBudget(0, Duration.ofHours(amount));
                default ->
                    throw new IllegalArgumentException(
                            "ard.timeBudget is neither a percentage nor a duration (5m, 90s): " + value);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "ard.timeBudget is neither a percentage nor a duration (5m, 90s): " + value);
        }
    }

    /** A share of the total. */
    public static TimeBudget fraction(double fraction) {
        return new TimeBudget(fraction, null);
    }

    public boolean isNone() {
        return absolute == null && fraction <= 0;
    }

    /** The limit in milliseconds for candidates expected to take {@code totalMs}; infinite when none. */
    public double limitMs(double totalMs) {
        if (absolute != null) {
            return absolute.toMillis();
        }
        return fraction <= 0 ? Double.POSITIVE_INFINITY : fraction * totalMs;
    }

    @Override
    public String toString() {
        if (absolute != null) {
            return absolute.toString().substring(2).toLowerCase(Locale.ROOT);
        }
        return fraction <= 0 ? "none" : Math.round(fraction * 1000) / 10.0 + "%";
    }
}
