package dev.ard.core.telemetry;

import java.util.regex.Pattern;

/**
 * Surefire's {@code time} attribute, both ways.
 *
 * <p>Surefire 3.1.1+ writes {@code String.valueOf(elapsedMillis / 1000.0f)} — a float, so above about
 * 2.3 hours it is no longer exact to the millisecond. Surefire up to 3.1.0 wrote
 * {@code NumberFormat.getInstance(Locale.ENGLISH)} with grouping and at most 3 decimals
 * ({@code "1,234.5"}), and much older reports written with the default locale may carry a decimal
 * comma ({@code "0,012"}). ARD stores what the XML can say, so {@link AttemptsFile} passes the
 * reporter's exact milliseconds through {@link #normalize} and both input paths agree. (Only there:
 * {@code normalize} is not idempotent above 2^24 ms, so applying it again to XML times would differ.)
 */
final class SurefireTime {
    /** English grouping only: {@code 1,234} or {@code 12,345,678}; never {@code 0,012}. */
    private static final Pattern GROUPED_INTEGER = Pattern.compile("[1-9]\\d{0,2}(,\\d{3})+");

    private SurefireTime() {}

    /**
     * Milliseconds from a {@code time} attribute in seconds.
     *
     * @throws IllegalArgumentException when the text is not a non-negative number
     */
    static long toMillis(String seconds) {
        String s = seconds.strip();
        if (s.indexOf('.') >= 0 || GROUPED_INTEGER.matcher(s).matches()) {
            s = s.replace(",", ""); // English grouping separators
        } else {
            s = s.replace(',', '.'); // a decimal comma from a default-locale writer
        }
        double value;
        try {
            value = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("time '" + abbreviate(seconds) + "' is not a number");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("time '" + abbreviate(seconds) + "' is not a duration");
        }
        return Math.round(value * 1000.0);
    }

    /** The milliseconds a Surefire 3.1.1+ XML report gives back for {@code millis}. */
    static long normalize(long millis) {
        return toMillis(String.valueOf(millis / 1000.0f));
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
